//! Timeline + view settings → lanes and marks to draw; hit-testing. Pure: no egui here.
