//! The layering of `ARCHITECTURE.md`, checked from the source: every `crate::` path in
//! `src/**/*.rs` (in `use` lines and in code) is mapped from its file's top-level module to the
//! module it names, and the test fails on an import from a lower layer to a higher one, on a
//! circle between top-level modules, and on a GUI crate in a layer that must not know one.
//!
//! A new top-level module fails the test until it is given a place in [`LAYERS`].

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level modules, bottom to top. A module may use the modules below it, never one
/// above it; modules on the same line of `ARCHITECTURE.md` still get distinct ranks here so
/// no two can import each other.
const LAYERS: &[(&str, &str)] = &[
    (
        "test_random",
        "the seeded sequence of generated-input tests; compiled for tests only, uses nothing",
    ),
    (
        "eight_bytes",
        "the arithmetic of reading bytes eight at a time, which every layer's scans share; uses nothing",
    ),
    (
        "model",
        "the data every module speaks, and its contract writer",
    ),
    ("ingest", "bytes to articles"),
    ("extract", "articles to a timeline (including extract::nlp)"),
    (
        "layout",
        "timeline + view settings to lanes and marks; pure",
    ),
    (
        "digest",
        "summaries of a timeline; reads model, extract, layout",
    ),
    ("project", "the analyst's corrections, saved and recovered"),
    (
        "view",
        "what the analyst sees, as plain data: session, window, briefing, wording",
    ),
    (
        "draw",
        "the timeline painted with egui, for the window and the exporters",
    ),
    (
        "export",
        "PNG pages and slides, rendered off screen through draw",
    ),
    ("ui", "the eframe shell: panels, dialogs, input"),
    ("cli", "the command line, on top of everything"),
];

/// Layers that never name a GUI crate: the core and the session.
const NO_GUI: &[&str] = &[
    "test_random",
    "eight_bytes",
    "model",
    "ingest",
    "extract",
    "layout",
    "digest",
    "project",
    "view",
];
/// Crates only the GUI layers may use.
const GUI_CRATES: &[&str] = &["egui", "eframe", "rfd", "egui_plot"];
/// The drawing layer paints; windows and native dialogs belong to the shell (`ui`).
const NOT_IN_DRAW: &[&str] = &[
    "rfd::",
    "eframe::App",
    "eframe::Frame",
    "egui::Window::new",
    "ViewportCommand",
];

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(name, _)| *name == module)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to (`src/ui/app.rs` → `ui`, `src/view.rs` → `view`);
/// `None` for the crate roots.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).expect("file under src");
    let first = relative.components().next()?.as_os_str().to_string_lossy();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (!matches!(name.as_str(), "lib" | "main")).then_some(name)
}

/// The source without comments, so prose mentioning `crate::x` is not an import.
fn code_of(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            // A `//` inside a string literal (a URL) is rare in paths; cut only when the
            // part before it has balanced quotes.
            Some(at) if line[..at].matches('"').count() % 2 == 0 => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every top-level module named after `crate::` in `code`, including each branch of a
/// grouped `use crate::{a::X, b};`.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let preceded = rest[..at].chars().next_back().is_some_and(is_ident);
        rest = &rest[at + "crate::".len()..];
        if preceded {
            continue; // `some_crate::`, not `crate::`
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut item_start = true;
            let mut ident = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => item_start = true,
                    c if depth == 1 && item_start && is_ident(c) => ident.push(c),
                    _ if depth == 1 && item_start && !ident.is_empty() => {
                        found.insert(std::mem::take(&mut ident));
                        item_start = false;
                    }
                    _ => {}
                }
            }
            if !ident.is_empty() {
                found.insert(ident);
            }
        } else {
            let ident: String = rest.chars().take_while(|c| is_ident(*c)).collect();
            if !ident.is_empty() {
                found.insert(ident);
            }
        }
    }
    found.remove("self");
    found
}

struct Crate {
    /// Top-level module → the top-level modules it names, each with a file that names it.
    edges: BTreeMap<String, BTreeMap<String, PathBuf>>,
    /// Every file with its module and comment-free code.
    files: Vec<(PathBuf, String, String)>,
}

fn read_crate() -> Crate {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    rust_files(&src, &mut paths);
    assert!(paths.len() > 20, "found only {} files in src", paths.len());
    let mut edges: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    let mut files = Vec::new();
    for path in paths {
        let Some(module) = module_of(&src, &path) else {
            continue;
        };
        let text = std::fs::read_to_string(&path).expect("readable source");
        let code = code_of(&text);
        let targets = edges.entry(module.clone()).or_default();
        for target in crate_paths(&code) {
            if target != module {
                targets.entry(target).or_insert_with(|| path.clone());
            }
        }
        files.push((path, module, code));
    }
    Crate { edges, files }
}

#[test]
fn every_top_level_module_has_a_layer() {
    let krate = read_crate();
    let mut unknown = BTreeSet::new();
    for (module, targets) in &krate.edges {
        if rank(module).is_none() {
            unknown.insert(format!("`{module}` (a top-level module in src/)"));
        }
        for (target, file) in targets {
            if rank(target).is_none() {
                unknown.insert(format!("`{target}` (named in {})", file.display()));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "modules with no layer: {}. Add each to LAYERS in tests/architecture.rs (and to \
         ARCHITECTURE.md) at the height it belongs",
        unknown.into_iter().collect::<Vec<_>>().join(", ")
    );
}

#[test]
fn no_layer_imports_a_higher_one() {
    let krate = read_crate();
    let mut upward = Vec::new();
    for (module, targets) in &krate.edges {
        let Some(from) = rank(module) else { continue };
        for (target, file) in targets {
            if rank(target).is_some_and(|to| to > from) {
                upward.push(format!(
                    "{module} → {target} ({}): `{module}` is below `{target}`",
                    file.display()
                ));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports from a lower layer to a higher one:\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_circle_between_top_level_modules() {
    let krate = read_crate();
    // Depth-first search; a node met again while on the stack closes a circle.
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeMap<String, PathBuf>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        circles: &mut Vec<String>,
    ) {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut circle = stack[at..].to_vec();
            circle.push(node.to_string());
            circles.push(circle.join(" → "));
            return;
        }
        if !done.insert(node.to_string()) {
            return;
        }
        stack.push(node.to_string());
        for next in edges.get(node).into_iter().flat_map(|t| t.keys()) {
            visit(next, edges, stack, done, circles);
        }
        stack.pop();
    }
    let mut circles = Vec::new();
    let mut done = BTreeSet::new();
    for module in krate.edges.keys() {
        visit(
            module,
            &krate.edges,
            &mut Vec::new(),
            &mut done,
            &mut circles,
        );
    }
    assert!(
        circles.is_empty(),
        "circles between modules:\n{}",
        circles.join("\n")
    );
}

#[test]
fn gui_crates_stay_in_the_gui_layers() {
    let krate = read_crate();
    let mut wrong = Vec::new();
    for (path, module, code) in &krate.files {
        let words: BTreeSet<&str> = code
            .split(|c: char| !is_ident(c))
            .filter(|w| !w.is_empty())
            .collect();
        if NO_GUI.contains(&module.as_str()) {
            for gui in GUI_CRATES {
                if words.contains(gui) {
                    wrong.push(format!("{} names `{gui}`", path.display()));
                }
            }
        }
        if module == "draw" {
            for shell in NOT_IN_DRAW {
                if code.contains(shell) {
                    wrong.push(format!(
                        "{} uses `{shell}` (windows and dialogs are the shell's)",
                        path.display()
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_path_reader_sees_grouped_and_inline_paths() {
    let code = code_of(
        "use crate::{layout::{self, Window}, model::Timeline};\n\
         // crate::ui is only mentioned here\n\
         let x = crate::view::TimeWindow::new(0.0, 1.0);\n\
         use other_crate::draw;",
    );
    let found: Vec<String> = crate_paths(&code).into_iter().collect();
    assert_eq!(found, ["layout", "model", "view"]);
}
