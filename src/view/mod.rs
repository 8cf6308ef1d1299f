//! What the analyst sees, as plain data: the session (the project, the filters and settings,
//! the lanes built from them, the selection), the visible [`TimeWindow`], the briefing's steps,
//! the chronology's rows and the wording of dates, actors and sources.
//!
//! No egui here: the window (`ui`), the painter (`draw`), the exporters and the command line
//! all read this layer, and its logic is tested without drawing anything.

pub mod briefing;
pub mod chronology;
pub mod session;
pub mod window;
pub mod wording;

pub use briefing::{Presentation, briefing_steps};
pub use session::{LanePaging, Session};
pub use window::TimeWindow;
