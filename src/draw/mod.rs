//! Drawing the timeline with egui's painter: the timeline widget, its marks, colours, tooltip
//! and legend, the lane-fit rule, and the presentation view. The window (`ui`) and the
//! off-screen exporters (`export`: PNG, slides) draw through this layer, so an image looks
//! like the screen.
//!
//! egui widgets and the painter only: no eframe app, windows or native dialogs (those are the
//! shell's, in `ui`). Reads the session from `view`.

pub mod aggregate;
pub mod axis;
pub mod labels;
pub mod lane_fit;
pub mod lane_layout;
pub mod lane_pages;
pub mod legend;
pub mod paint;
pub mod palette;
pub mod present;
pub mod timeline;
pub mod tooltip;

pub use timeline::{TimelineResponse, timeline_ui};
