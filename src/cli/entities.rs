//! `chronolane entities FILE...`: the names found in plain-text files, with their kind and byte
//! range — what the actor finder (or, with `--raw`, the statistical recogniser alone) makes of
//! the text, so recognition can be scored on any corpus (`scripts/score_ner.py`).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::InputOptions;
use crate::extract::actors::gazetteer::GAZETTEER;
use crate::extract::actors::{self, How};
use crate::extract::nlp::ner::RECOGNISER;
use crate::extract::sentences;
use crate::ingest;
use crate::model::ActorKind;

#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Text files, read verbatim: offsets are bytes into each file's UTF-8 text.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Print one JSON line per file: `{"file", "entities": [{"start", "end", "text", "kind", "type"}]}`.
    #[arg(long)]
    pub json: bool,
    /// The statistical recogniser's names alone, before the actor finder reads them.
    #[arg(long)]
    pub raw: bool,
    #[command(flatten)]
    pub input: InputOptions,
}

#[derive(Debug, Serialize)]
struct Found<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// The actor kind ("person", "organisation", ...), or the recogniser's type with `--raw`.
    kind: &'static str,
    /// PER, ORG, LOC or MISC.
    #[serde(rename = "type")]
    ty: &'static str,
}

#[derive(Debug, Serialize)]
struct FileEntities<'a> {
    file: String,
    entities: Vec<Found<'a>>,
}

/// The coarse type of an actor kind, as named-entity corpora count them.
fn coarse(kind: ActorKind) -> &'static str {
    match kind.as_str() {
        "person" => "PER",
        "organisation" | "group" => "ORG",
        "country" | "place" => "LOC",
        _ => "MISC",
    }
}

pub fn run_entities(args: &EntitiesArgs) -> anyhow::Result<bool> {
    let options = args.input.load_options();
    let mut out = std::io::stdout().lock();
    let mut ok = true;
    for path in &args.files {
        let text = match ingest::read_limited(path, &options).and_then(|b| ingest::decode(path, &b))
        {
            Ok(t) => t,
            Err(err) => {
                eprintln!("chronolane: {err}");
                ok = false;
                continue;
            }
        };
        let sents = sentences::split(&text, 0..text.len());
        let mut found = Vec::new();
        if args.raw {
            if let Some(rec) = RECOGNISER.as_ref() {
                for s in &sents {
                    let gaz = GAZETTEER.find(&text, s.clone());
                    for e in rec.recognise(&text, s.clone(), &gaz) {
                        found.push(Found {
                            start: e.range.start,
                            end: e.range.end,
                            text: &text[e.range.clone()],
                            kind: e.ty.as_str(),
                            ty: e.ty.as_str(),
                        });
                    }
                }
            }
        } else {
            let actors = actors::find(&text, &sents);
            for m in actors
                .mentions
                .iter()
                .filter(|m| matches!(m.how, How::Name | How::Modifier))
            {
                let Some(t) = text.get(m.range.clone()) else {
                    continue;
                };
                // "Palestinian leaders": a nationality word stands for its country in the
                // timeline, but it is no name of it.
                if GAZETTEER.is_demonym(t) {
                    continue;
                }
                let kind = actors.entities[m.entity].kind;
                found.push(Found {
                    start: m.range.start,
                    end: m.range.end,
                    text: t,
                    kind: kind.as_str(),
                    ty: coarse(kind),
                });
            }
        }
        if args.json {
            let line = FileEntities {
                file: path.display().to_string(),
                entities: found,
            };
            serde_json::to_writer(&mut out, &line)?;
            writeln!(out)?;
        } else {
            writeln!(out, "{}", path.display())?;
            for f in &found {
                writeln!(out, "  {}..{}\t{}\t{}", f.start, f.end, f.ty, f.text)?;
            }
        }
    }
    Ok(ok)
}
