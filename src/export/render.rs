//! Off-screen rendering of any egui UI function: its own egui context, tessellated and
//! rasterised by egui_wgpu on a headless wgpu device — the same tessellator and shader the
//! window uses, so an export looks like the screen and its size never depends on a window.

use std::sync::mpsc;
use std::time::Duration;

use eframe::egui::{self, ClippedPrimitive, Pos2, Rect, Vec2, ViewportId};
use eframe::egui_wgpu::{self, RenderState, ScreenDescriptor, WgpuConfiguration, WgpuSetup, wgpu};

/// The largest image side we agree to make: beyond this the RGBA buffer alone passes 1 GiB.
pub const MAX_SIDE_PX: u32 = 16_384;
/// Hardware texture filtering (the `PREDICTABLE` preset filters in the shader, which makes a
/// software rasteriser four times slower) and no dithering (it would speckle flat colours and
/// bloat the PNG).
const RENDER_OPTIONS: egui_wgpu::RendererOptions = egui_wgpu::RendererOptions {
    msaa_samples: 1,
    depth_stencil_format: None,
    dithering: false,
    predictable_texture_filtering: false,
};
/// How long to wait for the (software) GPU before giving up on a tile.
const WAIT_TIMEOUT: Duration = Duration::from_secs(60);
/// egui settles sizes (plot axes, text widths) over a couple of passes; the last one is drawn.
const PASSES: usize = 3;

/// Why an image could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(
        "no graphics adapter is available for off-screen rendering ({0}); install Mesa's \
         software rasteriser (libegl-mesa0 and libgl1-mesa-dri, or mesa-vulkan-drivers)"
    )]
    NoAdapter(String),
    #[error("{width}×{height} px is too large: the limit is {MAX_SIDE_PX} px per side")]
    TooLarge { width: u32, height: u32 },
    #[error("the image has no area ({width}×{height} px)")]
    Empty { width: u32, height: u32 },
    #[error("the graphics device failed while rendering: {0}")]
    Device(String),
    #[error("the renderer panicked: {0}")]
    Panicked(String),
}

/// An RGBA8 image, rows top to bottom, not premultiplied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RgbaImage {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

impl RgbaImage {
    /// The pixel at (`x`, `y`) as `[r, g, b, a]`, or `None` outside the image.
    pub fn pixel(&self, x: u32, y: u32) -> Option<[u8; 4]> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let at = (y as usize * self.width as usize + x as usize) * 4;
        let p = self.pixels.get(at..at + 4)?;
        Some([p[0], p[1], p[2], p[3]])
    }
}

/// What to render: the size in points and the pixel density.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Canvas {
    pub size_points: Vec2,
    pub pixels_per_point: f32,
    /// Light or dark egui visuals (the UI function may still restyle itself).
    pub dark: bool,
}

impl Canvas {
    /// The image size in pixels.
    pub fn size_px(&self) -> (u32, u32) {
        let px = self.size_points * self.pixels_per_point;
        (px.x.round().max(0.0) as u32, px.y.round().max(0.0) as u32)
    }
}

/// A headless wgpu device with egui's renderer on it. Creating one costs a few hundred
/// milliseconds on a software rasteriser; reuse it for several images (slides).
pub struct OffscreenRenderer {
    state: RenderState,
    max_tile: u32,
}

impl OffscreenRenderer {
    /// Finds a graphics adapter (a GPU or Mesa's software rasteriser) and opens a device.
    /// Fails with [`RenderError::NoAdapter`] instead of panicking when there is none.
    pub fn new() -> Result<Self, RenderError> {
        let setup = WgpuSetup::without_display_handle();
        let config = WgpuConfiguration {
            wgpu_setup: setup.clone(),
            ..Default::default()
        };
        let created = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            pollster::block_on(async {
                let instance = setup.new_instance().await;
                RenderState::create(&config, &instance, None, RENDER_OPTIONS).await
            })
        }));
        let state = match created {
            Ok(Ok(state)) => state,
            Ok(Err(err)) => return Err(RenderError::NoAdapter(err.to_string())),
            Err(panic) => return Err(RenderError::NoAdapter(panic_message(&panic))),
        };
        let max_tile = state
            .device
            .limits()
            .max_texture_dimension_2d
            .clamp(256, 8192);
        Ok(Self { state, max_tile })
    }

    /// A short description of the adapter in use ("llvmpipe (Gl)"), for logs and benchmarks.
    pub fn adapter_name(&self) -> String {
        let info = self.state.adapter.get_info();
        format!("{} ({:?})", info.name, info.backend)
    }

    /// Runs `ui_fn` in a fresh egui context the size of `canvas` and rasterises the last pass
    /// onto the theme's panel colour (so the UI need not paint its own background: on a
    /// software rasteriser a full-screen fill costs as much as everything else together).
    /// Images larger than the device's texture limit are drawn in tiles and stitched.
    pub fn render(
        &mut self,
        canvas: Canvas,
        ui_fn: &mut dyn FnMut(&mut egui::Ui),
    ) -> Result<RgbaImage, RenderError> {
        // A bug in widget code or the driver must not take the app or the CLI down with it.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.render_unguarded(canvas, ui_fn)
        }))
        .unwrap_or_else(|panic| Err(RenderError::Panicked(panic_message(&panic))))
    }

    fn render_unguarded(
        &mut self,
        canvas: Canvas,
        ui_fn: &mut dyn FnMut(&mut egui::Ui),
    ) -> Result<RgbaImage, RenderError> {
        let (width, height) = canvas.size_px();
        if width == 0 || height == 0 {
            return Err(RenderError::Empty { width, height });
        }
        if width > MAX_SIDE_PX || height > MAX_SIDE_PX {
            return Err(RenderError::TooLarge { width, height });
        }
        let (ctx, output) = run_passes(canvas, Some(self.max_tile as usize), ui_fn, |delta| {
            // Texture uploads accumulate across passes; the renderer needs all of them.
            self.upload_textures(delta);
        });
        let ppp = output.pixels_per_point;
        let background = ctx.global_style().visuals.panel_fill;
        self.rasterise(&ctx, output.shapes, ppp, (width, height), background)
    }

    /// The shapes `ui_fn` paints on `canvas`, in points, after the same passes as
    /// [`OffscreenRenderer::render`], and the colour the page is cleared to: what the SVG
    /// writer draws, so SVG and PNG show the same picture. Needs no graphics adapter.
    pub fn capture(
        canvas: Canvas,
        ui_fn: &mut dyn FnMut(&mut egui::Ui),
    ) -> Result<Captured, RenderError> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let (ctx, output) = run_passes(canvas, None, ui_fn, |mut delta| delta.clear());
            Captured {
                shapes: output.shapes,
                background: ctx.global_style().visuals.panel_fill,
                size_points: canvas.size_points,
                size_px: canvas.size_px(),
            }
        }))
        .map_err(|panic| RenderError::Panicked(panic_message(&panic)))
    }

    /// Runs `ui_fn` for one pass without drawing (cheap: no GPU work), to measure a layout.
    pub fn dry_run(canvas: Canvas, ui_fn: &mut dyn FnMut(&mut egui::Ui)) {
        let ctx = egui::Context::default();
        let mut input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, canvas.size_points)),
            ..Default::default()
        };
        if let Some(viewport) = input.viewports.get_mut(&ViewportId::ROOT) {
            viewport.native_pixels_per_point = Some(canvas.pixels_per_point);
        }
        let mut output = ctx.run_ui(input, ui_fn);
        output.textures_delta.clear();
    }

    fn upload_textures(&mut self, mut delta: egui::TexturesDelta) {
        let mut renderer = self.state.renderer.write();
        for (id, images) in &delta.set {
            for image in images {
                renderer.update_texture(&self.state.device, &self.state.queue, *id, image);
            }
        }
        for id in &delta.free {
            renderer.free_texture(id);
        }
        delta.clear();
    }

    /// Draws the shapes tile by tile (one tile for most images) into one RGBA buffer.
    fn rasterise(
        &mut self,
        ctx: &egui::Context,
        shapes: Vec<egui::epaint::ClippedShape>,
        pixels_per_point: f32,
        (width, height): (u32, u32),
        background: egui::Color32,
    ) -> Result<RgbaImage, RenderError> {
        let mut image = RgbaImage {
            width,
            height,
            pixels: vec![0; width as usize * height as usize * 4],
        };
        let tile = self.max_tile;
        for ty in (0..height).step_by(tile as usize) {
            for tx in (0..width).step_by(tile as usize) {
                let (tw, th) = (tile.min(width - tx), tile.min(height - ty));
                let offset = -egui::vec2(tx as f32, ty as f32) / pixels_per_point;
                let moved: Vec<_> = shapes
                    .iter()
                    .cloned()
                    .map(|mut clipped| {
                        clipped.clip_rect = clipped.clip_rect.translate(offset);
                        clipped.shape.translate(offset);
                        clipped
                    })
                    .collect();
                let primitives = ctx.tessellate(moved, pixels_per_point);
                let pixels = self.draw_tile(&primitives, pixels_per_point, (tw, th), background)?;
                for row in 0..th {
                    let src = (row * tw * 4) as usize..((row + 1) * tw * 4) as usize;
                    let dst_start = (((ty + row) * width + tx) * 4) as usize;
                    image.pixels[dst_start..dst_start + (tw * 4) as usize]
                        .copy_from_slice(&pixels[src]);
                }
            }
        }
        Ok(image)
    }

    /// Renders one tile and reads it back as tightly packed RGBA rows.
    fn draw_tile(
        &mut self,
        primitives: &[ClippedPrimitive],
        pixels_per_point: f32,
        (width, height): (u32, u32),
        background: egui::Color32,
    ) -> Result<Vec<u8>, RenderError> {
        let device = &self.state.device;
        let queue = &self.state.queue;
        let screen = ScreenDescriptor {
            size_in_pixels: [width, height],
            pixels_per_point,
        };
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("export encoder"),
        });
        let mut renderer = self.state.renderer.write();
        let user_buffers =
            renderer.update_buffers(device, queue, &mut encoder, primitives, &screen);
        let texture = device.create_texture(&wgpu::TextureDescriptor {
            label: Some("export target"),
            size: wgpu::Extent3d {
                width,
                height,
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: self.state.target_format,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("export pass"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &view,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(clear_colour(background)),
                            store: wgpu::StoreOp::Store,
                        },
                        depth_slice: None,
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            renderer.render(&mut pass, primitives, &screen);
        }
        drop(renderer);

        // Read back through a buffer whose rows are padded to wgpu's copy alignment.
        let unpadded = width as usize * 4;
        let align = wgpu::COPY_BYTES_PER_ROW_ALIGNMENT as usize;
        let padded = unpadded.div_ceil(align) * align;
        let buffer = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("export readback"),
            size: (padded * height as usize) as u64,
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        encoder.copy_texture_to_buffer(
            texture.as_image_copy(),
            wgpu::TexelCopyBufferInfo {
                buffer: &buffer,
                layout: wgpu::TexelCopyBufferLayout {
                    offset: 0,
                    bytes_per_row: Some(padded as u32),
                    rows_per_image: None,
                },
            },
            wgpu::Extent3d {
                width,
                height,
                depth_or_array_layers: 1,
            },
        );
        let submission = queue.submit(user_buffers.into_iter().chain([encoder.finish()]));
        let slice = buffer.slice(..);
        let (sender, receiver) = mpsc::channel();
        slice.map_async(wgpu::MapMode::Read, move |result| drop(sender.send(result)));
        device
            .poll(wgpu::PollType::Wait {
                submission_index: Some(submission),
                timeout: Some(WAIT_TIMEOUT),
            })
            .map_err(|e| RenderError::Device(e.to_string()))?;
        match receiver.recv() {
            Ok(Ok(())) => {}
            Ok(Err(e)) => return Err(RenderError::Device(e.to_string())),
            Err(_) => return Err(RenderError::Device("the read-back never finished".into())),
        }
        let mapped = buffer
            .slice(..)
            .get_mapped_range()
            .map_err(|e| RenderError::Device(e.to_string()))?;
        let mut pixels = Vec::with_capacity(unpadded * height as usize);
        for row in mapped.chunks_exact(padded) {
            pixels.extend_from_slice(&row[..unpadded]);
        }
        Ok(pixels)
    }
}

/// What a UI function painted: egui's shapes with their clip rectangles, in points.
pub struct Captured {
    pub shapes: Vec<egui::epaint::ClippedShape>,
    /// The page colour (the theme's panel fill), which the UI does not paint itself.
    pub background: egui::Color32,
    /// The laid-out page, in points: the SVG's view box.
    pub size_points: Vec2,
    /// The page as shown, in pixels (points times density): the SVG's width and height, so a
    /// page drawn at a lower density ("fit to page") keeps its size and gets smaller type.
    pub size_px: (u32, u32),
}

/// Runs `ui_fn` in a fresh egui context the size of `canvas`, in the canvas's theme, for the
/// passes that settle sizes; hands every pass's texture changes to `textures` and returns the
/// context and the last pass.
fn run_passes(
    canvas: Canvas,
    max_texture_side: Option<usize>,
    ui_fn: &mut dyn FnMut(&mut egui::Ui),
    mut textures: impl FnMut(egui::TexturesDelta),
) -> (egui::Context, egui::FullOutput) {
    let ctx = egui::Context::default();
    ctx.set_theme(if canvas.dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    let mut input = egui::RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, canvas.size_points)),
        max_texture_side,
        ..Default::default()
    };
    if let Some(viewport) = input.viewports.get_mut(&ViewportId::ROOT) {
        viewport.native_pixels_per_point = Some(canvas.pixels_per_point);
    }
    let mut output = ctx.run_ui(input.clone(), &mut *ui_fn);
    for _ in 1..PASSES {
        textures(std::mem::take(&mut output.textures_delta));
        output = ctx.run_ui(input.clone(), &mut *ui_fn);
    }
    textures(std::mem::take(&mut output.textures_delta));
    (ctx, output)
}

/// The target is gamma-encoded (non-sRGB), so the colour's bytes go in as they are.
fn clear_colour(c: egui::Color32) -> wgpu::Color {
    let [r, g, b, a] = c.to_array();
    let f = |v: u8| f64::from(v) / 255.0;
    wgpu::Color {
        r: f(r),
        g: f(g),
        b: f(b),
        a: f(a),
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}
