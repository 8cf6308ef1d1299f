//! The release binary as the command-line tests run it, shared by the `cli_*` test files.

use std::process::Command;

/// The bundled sample briefing's article.
pub const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/samples/2015-10-21-assad-visits-moscow.html"
);

/// `chronolane` with no display: the command line must not need one.
pub fn chronolane() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_chronolane"));
    command.env_remove("DISPLAY").env_remove("WAYLAND_DISPLAY");
    command
}
