//! `chronolane export`: the timeline of FILES as a PNG or SVG page (several pages when the
//! lanes do not fit one), or the briefing as numbered slides, rendered off screen (no display
//! needed; Mesa's software rasteriser will do, and SVG needs none).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::InputOptions;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Articles, folders, or hand-kept CSV event lists (optional with --project, which then
    /// reads the articles listed in the project).
    #[arg(required_unless_present_any = ["timeline", "project"])]
    pub files: Vec<PathBuf>,
    /// Draw an analyst's project (`*.chronolane.json`): its edits, colours, hidden events, and
    /// its briefing list (the starred events, in order) for --slides.
    #[arg(long, value_name = "FILE", conflicts_with = "timeline")]
    pub project: Option<PathBuf>,
    /// Draw a timeline saved by `chronolane extract --json` instead of reading articles.
    #[arg(long, value_name = "FILE.json", conflicts_with = "files")]
    pub timeline: Option<PathBuf>,
    /// The PNG or SVG to write (replaced atomically); pages past the first are FILE-p2.png, ...
    #[arg(short, long, value_name = "FILE", required_unless_present = "slides")]
    pub output: Option<PathBuf>,
    /// The file format (default: by the output's extension, `.svg` for SVG, else PNG).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// More lanes than fit the page: shrink the type down to a legible size, then pages
    /// (shrink), or keep the size and use as many pages as needed (pages). No lane is dropped.
    #[arg(long, value_enum, default_value_t = Lanes::Shrink)]
    pub lanes: Lanes,
    /// Write the briefing as numbered slides (slide-01.png, ...) into this folder instead.
    #[arg(long, value_name = "DIR")]
    pub slides: Option<PathBuf>,
    /// The one-page briefing: the corpus's period on one landscape A4-proportioned page
    /// (3500×2475 px; --width, --height, --scale, --from/--to and --whole do not apply), the
    /// key events numbered and listed, title, period, sources count and legend.
    #[arg(long, conflicts_with = "slides")]
    pub briefing: bool,
    /// Width in points (pixels at --scale 1).
    #[arg(long, default_value_t = 1920.0)]
    pub width: f32,
    /// Height in points (pixels at --scale 1).
    #[arg(long, default_value_t = 1080.0)]
    pub height: f32,
    /// Pixel density: the image is WIDTH×SCALE by HEIGHT×SCALE pixels.
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    #[arg(long, value_enum, default_value_t = Theme::Light)]
    pub theme: Theme,
    /// Title at the top (default: the article's title, or a count of articles).
    #[arg(long)]
    pub title: Option<String>,
    /// A line under the title.
    #[arg(long)]
    pub subtitle: Option<String>,
    /// A classification or caveat banner at the top and bottom ("UNCLASSIFIED").
    #[arg(long, value_name = "TEXT")]
    pub banner: Option<String>,
    /// The banner's colour as #RRGGBB.
    #[arg(long, value_name = "#RRGGBB", default_value = "#007a33", value_parser = parse_colour)]
    pub banner_colour: [u8; 3],
    /// Show only events from this day on (YYYY-MM-DD).
    #[arg(long, value_parser = super::parse_date)]
    pub from: Option<NaiveDate>,
    /// Show only events up to this day (YYYY-MM-DD).
    #[arg(long, value_parser = super::parse_date)]
    pub to: Option<NaiveDate>,
    /// How events are split into lanes.
    #[arg(long, value_enum, default_value_t = GroupBy::Actor)]
    pub group_by: GroupBy,
    /// Show every event, even far outliers (default: the app's opening view, or --from/--to).
    #[arg(long)]
    pub whole: bool,
    /// Leave out the legend.
    #[arg(long)]
    pub no_legend: bool,
    /// Leave out the footer naming the sources.
    #[arg(long)]
    pub no_footer: bool,
    #[command(flatten)]
    pub input: InputOptions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Png,
    Svg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lanes {
    Shrink,
    Pages,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Theme {
    Light,
    Dark,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    Actor,
    Affiliation,
    Article,
    Kind,
}

fn parse_colour(s: &str) -> anyhow::Result<[u8; 3]> {
    let hex = s.trim().trim_start_matches('#');
    let value = (hex.len() == 6)
        .then(|| u32::from_str_radix(hex, 16).ok())
        .flatten();
    let Some(v) = value else {
        anyhow::bail!("{s:?} is not a colour; use #RRGGBB, e.g. #007a33");
    };
    Ok([(v >> 16) as u8, (v >> 8) as u8, v as u8])
}

/// Runs the export; `Ok(false)` when some input could not be read (the image is still made).
#[cfg(feature = "gui")]
pub fn run_export(args: &ExportArgs) -> anyhow::Result<bool> {
    use anyhow::Context;

    use crate::export::{Banner, Canvas, LaneOverflow, PageOptions, PageSpec};
    use crate::layout::{Grouping, ViewSettings};
    use crate::{extract, ingest};

    let size_ok = |v: f32| v.is_finite() && v >= 1.0;
    if !(size_ok(args.width) && size_ok(args.height)) {
        anyhow::bail!("--width and --height must be at least 1");
    }
    if !(args.scale.is_finite() && args.scale > 0.0 && args.scale <= 8.0) {
        anyhow::bail!("--scale must be above 0 and at most 8");
    }
    let mut ok = true;
    let mut project = None;
    let timeline = match (&args.timeline, &args.project) {
        (Some(path), _) => read_timeline(path)?,
        (None, Some(path)) => {
            let opened = open_project(args, path)?;
            ok = opened.1;
            let timeline = opened.0.visible_timeline();
            project = Some(opened.0);
            timeline
        }
        (None, None) => {
            let (loaded, errors) = ingest::load_paths(&args.files, &args.input.load_options());
            super::report(&errors);
            ok = errors.is_empty();
            extract::extract(&loaded)
        }
    };
    if timeline.articles.is_empty() && timeline.events.is_empty() {
        anyhow::bail!("no articles could be read, so there is nothing to export");
    }
    let mut settings = ViewSettings {
        grouping: match args.group_by {
            GroupBy::Actor => Grouping::Actor,
            GroupBy::Affiliation => Grouping::Affiliation,
            GroupBy::Article => Grouping::Article,
            GroupBy::Kind => Grouping::Kind,
        },
        ..Default::default()
    };
    settings.filters.from = args.from;
    settings.filters.to = args.to;
    let title = args
        .title
        .clone()
        .unwrap_or_else(|| match &timeline.articles[..] {
            [one] if !one.title.is_empty() => one.title.clone(),
            articles => format!("Timeline of {} articles", articles.len()),
        });
    let canvas = Canvas {
        size_points: eframe::egui::vec2(args.width, args.height),
        pixels_per_point: args.scale,
        dark: args.theme == Theme::Dark,
    };
    if let Some(folder) = &args.slides {
        let source = source_of(project, timeline, settings);
        let written = crate::export::export_slides(&source, canvas, &title, folder)?;
        println!("wrote {} slides to {}", written.len(), folder.display());
        return Ok(ok);
    }
    let output = args
        .output
        .as_ref()
        .context("give -o FILE (or --slides DIR)")?;
    let [r, g, b] = args.banner_colour;
    let spec = PageSpec {
        canvas,
        page: PageOptions {
            title,
            subtitle: args.subtitle.clone().unwrap_or_else(|| {
                format!(
                    "{} events · lanes by {}",
                    timeline.events.len(),
                    settings.grouping.label().to_lowercase()
                )
            }),
            banner: args.banner.as_ref().map(|text| Banner {
                text: text.clone(),
                colour: eframe::egui::Color32::from_rgb(r, g, b),
            }),
            legend: !args.no_legend,
            footer: !args.no_footer,
            key_events: false,
        },
        view: view_choice(args, &timeline, &settings),
        lanes: match args.lanes {
            Lanes::Shrink => LaneOverflow::Shrink,
            Lanes::Pages => LaneOverflow::Pages,
        },
    };
    let source = source_of(project, timeline, settings);
    let (source, spec) = if args.briefing {
        let options = crate::export::briefing::BriefingOptions {
            title: args.title.clone(),
            banner: spec.page.banner.clone(),
            dark: args.theme == Theme::Dark,
        };
        crate::export::briefing::one_page(&source, &options)
    } else {
        (source, spec)
    };
    let format = match args.format {
        Some(Format::Png) => crate::export::Format::Png,
        Some(Format::Svg) => crate::export::Format::Svg,
        None => crate::export::Format::of_path(output),
    };
    let written = match format {
        crate::export::Format::Png => crate::export::export_png(&source, &spec, output)?,
        crate::export::Format::Svg => crate::export::export_svg(&source, &spec, output)?,
    };
    for file in &written {
        println!(
            "wrote {} ({}×{} px, {} lanes)",
            file.path.display(),
            file.width,
            file.height,
            file.lanes.len()
        );
    }
    Ok(ok)
}

/// --from/--to frame exactly those days (a long period that overlaps them is cut at the
/// edges rather than stretching the view); --whole shows everything; otherwise the app's
/// opening view.
#[cfg(feature = "gui")]
fn view_choice(
    args: &ExportArgs,
    timeline: &crate::model::Timeline,
    settings: &crate::layout::ViewSettings,
) -> crate::export::ViewChoice {
    use crate::export::ViewChoice;
    use crate::layout::time::x_from_date;
    if args.from.is_none() && args.to.is_none() {
        return if args.whole {
            ViewChoice::Whole
        } else {
            ViewChoice::Opening
        };
    }
    let extent = crate::layout::build(timeline, settings).extent;
    let start = args.from.map(x_from_date).or(extent.map(|e| e.0));
    let end = args
        .to
        .map(|d| x_from_date(d) + 1.0)
        .or(extent.map(|e| e.1));
    match (start, end) {
        (Some(a), Some(b)) if a < b => ViewChoice::Window(crate::view::TimeWindow::new(a, b)),
        _ => ViewChoice::Whole,
    }
}

/// The project (with its edits) when one was given, else a fresh extraction.
#[cfg(feature = "gui")]
fn source_of(
    project: Option<crate::project::Project>,
    timeline: crate::model::Timeline,
    settings: crate::layout::ViewSettings,
) -> crate::export::Source {
    match project {
        Some(project) => crate::export::Source { project, settings },
        None => crate::export::Source::from_timeline(timeline, settings),
    }
}

/// Opens a project on its own articles (or on FILES when given), reporting what could not be
/// read; `true` when nothing was lost.
#[cfg(feature = "gui")]
fn open_project(
    args: &ExportArgs,
    path: &std::path::Path,
) -> anyhow::Result<(crate::project::Project, bool)> {
    use crate::project::{self, Project};
    let options = args.input.load_options();
    let load = project::extract_paths(&options);
    let (project, opened) = if args.files.is_empty() {
        Project::open_with(path, load)?
    } else {
        Project::open_with(path, |_listed| load(&args.files))?
    };
    let (messages, ok) = if args.files.is_empty() {
        (opened.messages(), !opened.lost_articles())
    } else {
        (opened.load_errors.clone(), opened.load_errors.is_empty())
    };
    for message in messages {
        eprintln!("chronolane: {message}");
    }
    Ok((project, ok))
}

/// A timeline as `extract --json` prints it.
#[cfg(feature = "gui")]
fn read_timeline(path: &std::path::Path) -> anyhow::Result<crate::model::Timeline> {
    use anyhow::Context;
    let file =
        std::fs::File::open(path).with_context(|| format!("could not open {}", path.display()))?;
    serde_json::from_reader(std::io::BufReader::new(file)).with_context(|| {
        format!(
            "{} is not a timeline from `chronolane extract --json`",
            path.display()
        )
    })
}

/// Without the GUI stack there is no renderer to export with.
#[cfg(not(feature = "gui"))]
pub fn run_export(_args: &ExportArgs) -> anyhow::Result<bool> {
    anyhow::bail!("this build cannot export images (built without the `gui` feature)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banner_colours_parse_as_hex() {
        assert_eq!(parse_colour("#007a33").unwrap(), [0, 0x7a, 0x33]);
        assert_eq!(parse_colour("C8102E").unwrap(), [0xc8, 0x10, 0x2e]);
        assert!(parse_colour("green").is_err());
    }
}
