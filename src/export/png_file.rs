//! Writing an image as PNG, atomically, with text chunks that say what it shows and where it
//! came from (title, source articles, lanes), so a slide found in a folder months later still
//! names its sources; and any other exported file (SVG) with the same all-or-nothing write.

use std::io::{BufWriter, Write};
use std::path::Path;

use super::render::RgbaImage;

/// Why a PNG (or another exported file) could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    #[error("could not write {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("could not encode {path} as PNG: {source}")]
    Encode {
        path: String,
        source: png::EncodingError,
    },
}

/// One text chunk: keyword (Latin-1, 1–79 bytes) and value.
pub type TextChunk = (String, String);

/// Writes `image` to `path` through a temporary file in the same folder, renamed into place
/// only once complete, so a failed export never leaves a truncated image (or clobbers an old
/// one). Values that are not Latin-1 go into iTXt chunks (UTF-8); the rest into tEXt.
pub fn write_png_atomic(
    path: &Path,
    image: &RgbaImage,
    text: &[TextChunk],
) -> Result<(), PngError> {
    let shown = path.display().to_string();
    persist_atomic(path, "png", |file| {
        encode(file, image, text).map_err(|source| PngError::Encode {
            path: shown.clone(),
            source,
        })
    })
}

/// Writes `bytes` (an SVG page) to `path` the same way: complete or not at all.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), PngError> {
    let shown = path.display().to_string();
    persist_atomic(path, "export", |file| {
        file.write_all(bytes).map_err(|source| PngError::Io {
            path: shown.clone(),
            source,
        })
    })
}

/// Runs `fill` on a temporary file beside `path` and renames it into place once complete.
fn persist_atomic(
    path: &Path,
    kind: &str,
    fill: impl FnOnce(&mut std::fs::File) -> Result<(), PngError>,
) -> Result<(), PngError> {
    let shown = path.display().to_string();
    let io = |source| PngError::Io {
        path: shown.clone(),
        source,
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".chronolane-export-")
        .suffix(&format!(".{kind}.tmp"))
        .tempfile_in(folder)
        .map_err(io)?;
    fill(temp.as_file_mut())?;
    // Temporary files are private (0600); an exported image is meant to be shared like any
    // file the user saves, so it takes the old file's permissions or the usual 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = std::fs::metadata(path)
            .map(|m| m.permissions())
            .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
        temp.as_file().set_permissions(permissions).map_err(io)?;
    }
    temp.as_file_mut().sync_all().map_err(io)?;
    temp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

fn encode(
    file: &mut std::fs::File,
    image: &RgbaImage,
    text: &[TextChunk],
) -> Result<(), png::EncodingError> {
    let mut writer = BufWriter::new(file);
    let mut encoder = png::Encoder::new(&mut writer, image.width, image.height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    // Flat UI colours compress well even with the fast setting, which is several times quicker.
    encoder.set_compression(png::Compression::Fast);
    for (keyword, value) in text {
        if value.chars().all(|c| u32::from(c) < 256) {
            encoder.add_text_chunk(keyword.clone(), value.clone())?;
        } else {
            encoder.add_itxt_chunk(keyword.clone(), value.clone())?;
        }
    }
    let mut png = encoder.write_header()?;
    png.write_image_data(&image.pixels)?;
    png.finish()?;
    writer.flush()?;
    Ok(())
}

/// Reads a PNG back: its size, pixels and text chunks (tests and the CLI's self-check).
pub fn read_png(path: &Path) -> Result<(RgbaImage, Vec<TextChunk>), String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::ALPHA);
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| "the image is too large to read".to_string())?;
    let mut pixels = vec![0; size];
    let frame = reader.next_frame(&mut pixels).map_err(|e| e.to_string())?;
    pixels.truncate(frame.buffer_size());
    let info = reader.info();
    let mut text: Vec<TextChunk> = info
        .uncompressed_latin1_text
        .iter()
        .map(|c| (c.keyword.clone(), c.text.clone()))
        .collect();
    for chunk in &info.utf8_text {
        if let Ok(value) = chunk.get_text() {
            text.push((chunk.keyword.clone(), value));
        }
    }
    Ok((
        RgbaImage {
            width: frame.width,
            height: frame.height,
            pixels,
        },
        text,
    ))
}
