//! chronolane: news articles in, an actor-lane timeline with sentence-level provenance out.
//!
//! The core (`model`, `ingest`, `extract`, `layout`) never touches the GUI; `ui` and `export`
//! read the core's types. See `ARCHITECTURE.md` in the design notes for the flow of data.

pub mod cli;
pub mod digest;
#[cfg(feature = "gui")]
pub mod export;
pub mod extract;
pub mod ingest;
pub mod layout;
pub mod model;
pub mod project;

#[cfg(feature = "gui")]
pub mod ui;
