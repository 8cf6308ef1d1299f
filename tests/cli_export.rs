//! `chronolane export` from the command line: no display needed, the size asked for times the
//! scale, slides into a folder, and a clear message (never a panic) without a graphics adapter.

mod cli_common;

use chronolane::export::read_png;
use cli_common::{SAMPLE, chronolane};

#[test]
fn export_writes_the_size_asked_for_times_the_scale() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("moscow.png");
    let run = chronolane()
        .args(["export", SAMPLE, "-o"])
        .arg(&out)
        .args([
            "--width", "800", "--height", "450", "--scale", "1.5", "--theme", "dark",
        ])
        .args(["--title", "Assad in Moscow", "--banner", "UNCLASSIFIED"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    // A page this small holds the article's lanes on more than one page: every page is the
    // size asked for, and the command names each file it wrote.
    let stdout = String::from_utf8_lossy(&run.stdout);
    let pages = written_files(dir.path(), "moscow", "png");
    assert!(!pages.is_empty());
    for page in &pages {
        assert!(stdout.contains(&page.display().to_string()), "{stdout}");
        let (image, text) = read_png(page).unwrap();
        assert_eq!((image.width, image.height), (1200, 675));
        assert!(text.contains(&("Title".into(), "Assad in Moscow".into())));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(page).unwrap().permissions().mode();
            assert_eq!(
                mode & 0o644,
                0o644,
                "readable like any saved file: {mode:o}"
            );
        }
    }
}

/// `stem.ext`, or `stem-p1.ext`, `stem-p2.ext`, ... in `dir`, in page order.
fn written_files(dir: &std::path::Path, stem: &str, ext: &str) -> Vec<std::path::PathBuf> {
    let single = dir.join(format!("{stem}.{ext}"));
    if single.exists() {
        return vec![single];
    }
    (1..)
        .map(|i| dir.join(format!("{stem}-p{i}.{ext}")))
        .take_while(|p| p.exists())
        .collect()
}

#[test]
fn export_writes_svg_by_extension_or_format_with_its_words_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let by_extension = dir.path().join("moscow.svg");
    let by_format = dir.path().join("moscow-vector");
    for (out, format) in [(&by_extension, None), (&by_format, Some("svg"))] {
        let mut command = chronolane();
        command.args(["export", SAMPLE, "-o"]).arg(out).args([
            "--width",
            "1600",
            "--height",
            "1200",
            "--title",
            "Assad in Moscow",
        ]);
        if let Some(format) = format {
            command.args(["--format", format]);
        }
        let run = command.output().unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let svg = std::fs::read_to_string(out).unwrap();
        assert!(svg.starts_with("<?xml"), "{}", &svg[..svg.len().min(200)]);
        assert!(svg.contains(r#"width="1600" height="1200""#));
        assert!(svg.contains(">Assad in Moscow</tspan>"));
        assert!(
            svg.contains(">Vladimir Putin</tspan>"),
            "a lane name as text"
        );
    }
}

#[test]
fn the_briefing_preset_is_one_landscape_page_with_the_key_events_listed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("briefing.svg");
    let run = chronolane()
        .args(["export", SAMPLE, "--briefing", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(
        svg.contains(r#"width="3500" height="2475""#),
        "A4 landscape at 300 dpi"
    );
    assert!(svg.contains(">Key events</tspan>"));
    assert!(svg.contains(">Briefing · "), "a title naming the period");
    assert!(svg.contains(">Period "), "the period under the title");
    assert!(svg.contains("1 source"), "the sources count");
    assert!(svg.contains(">Event on a day</tspan>"), "the legend");
}

#[test]
fn export_slides_numbers_one_image_per_event() {
    let dir = tempfile::tempdir().unwrap();
    let run = chronolane()
        .args(["export", SAMPLE, "--slides"])
        .arg(dir.path())
        .args(["--width", "640", "--height", "360"])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(!names.is_empty());
    assert_eq!(names[0], "slide-01.png");
    assert!(
        names
            .iter()
            .all(|n| n.starts_with("slide-") && n.ends_with(".png"))
    );
}

#[test]
fn without_a_graphics_adapter_export_says_so_and_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("never.png");
    // The no-op backend is never enabled, so asking for it alone leaves no adapter at all.
    let run = chronolane()
        .env("WGPU_BACKEND", "noop")
        .args(["export", SAMPLE, "-o"])
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no graphics adapter"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn oversized_exports_are_refused_with_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let run = chronolane()
        .args(["export", SAMPLE, "-o"])
        .arg(dir.path().join("huge.png"))
        .args(["--width", "12000", "--height", "1000", "--scale", "2"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("24000×2000 px is too large"), "{stderr}");
}

#[test]
fn slides_from_a_project_follow_its_briefing_list() {
    use chronolane::ingest::LoadOptions;
    use chronolane::project::{self, ArticleRecord, Edit, Project};

    let dir = tempfile::tempdir().unwrap();
    let article = std::path::PathBuf::from(SAMPLE);
    let options = LoadOptions::default();
    let (base, errors) = project::extract_paths(&options)(std::slice::from_ref(&article));
    assert!(errors.is_empty() && base.events.len() >= 3);
    let mut project = Project::new(base.clone(), vec![ArticleRecord::read(&article).unwrap()]);
    // Two events, the later one first: the briefing's order is the analyst's.
    let (first, last) = (&base.events[0], &base.events[base.events.len() - 1]);
    for event in [last, first] {
        let star = Edit::Star {
            event: event.id.clone(),
            position: None,
        };
        project.edit(star).unwrap();
    }
    let file = dir.path().join("brief.chronolane.json");
    project.save_as(&file).unwrap();

    let slides = dir.path().join("slides");
    let run = chronolane()
        .args(["export", "--project"])
        .arg(&file)
        .arg("--slides")
        .arg(&slides)
        .args(["--width", "640", "--height", "360"])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let comment = |name: &str| {
        let (_, text) = read_png(&slides.join(name)).unwrap();
        text.into_iter()
            .find(|(k, _)| k == "Comment")
            .map(|(_, v)| v)
            .unwrap_or_default()
    };
    assert_eq!(std::fs::read_dir(&slides).unwrap().count(), 2);
    assert!(
        comment("slide-01.png").ends_with(&last.label),
        "{}",
        comment("slide-01.png")
    );
    assert!(
        comment("slide-02.png").ends_with(&first.label),
        "{}",
        comment("slide-02.png")
    );
}
