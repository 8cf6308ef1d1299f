//! chronolane: news articles in, an actor-lane timeline with sentence-level provenance out.
//!
//! The core (`model`, `ingest`, `extract`, `layout`) never touches the GUI; `view` holds what
//! the analyst sees as plain data, `draw` paints it with egui, and `export` and `ui` build on
//! those. `ARCHITECTURE.md` has the layers, what each may import, and the flow of data.

pub mod cli;
pub mod digest;
#[cfg(feature = "gui")]
pub mod draw;
mod eight_bytes;
#[cfg(feature = "gui")]
pub mod export;
pub mod extract;
pub mod ingest;
pub mod layout;
pub mod model;
pub mod project;

#[cfg(feature = "gui")]
pub mod ui;
pub mod view;

#[cfg(test)]
mod test_random;
