//! Timeline + view settings → lanes and marks to draw; hit-testing. Pure: no egui here.
//!
//! The split follows the cost: [`lanes::build`] runs when the timeline or the settings change
//! and sorts every lane by time; [`marks::visible_marks`] runs every frame and only
//! binary-searches those lanes for the visible window, aggregating dense lanes.

pub mod axis_breaks;
pub mod extent;
pub mod filter;
pub mod fixture;
mod fold;
pub mod hit;
pub mod lanes;
pub mod marks;
pub mod overview;
pub mod settings;
pub mod ticks;
pub mod time;

pub use fold::{empty_lanes, listed_rows};
pub use hit::{LaneGeometry, hit_test};
pub use lanes::{Entry, Lane, LaneInfo, LaneSet, MarkStyle, build};
pub use marks::{Connector, FrameMarks, Mark, MarkKind, Window, visible_marks};
pub use settings::{Filters, Grouping, LaneSort, ViewSettings};

#[cfg(test)]
mod tests;
