//! The placeholder logos: plain shapes with transparency, no text.

use std::f32::consts::TAU;

use super::LOGO;
use super::draw::*;
use image::RgbaImage;

// ---------------------------------------------------------------------------
// Placeholder logos

#[derive(Clone, Copy)]
pub(crate) enum Logo {
    Circle,
    Peaks,
    Hexagon,
    Wave,
}

impl Logo {
    pub(crate) const ALL: [Logo; 4] = [Logo::Circle, Logo::Peaks, Logo::Hexagon, Logo::Wave];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Logo::Circle => "circle",
            Logo::Peaks => "peaks",
            Logo::Hexagon => "hexagon",
            Logo::Wave => "wave",
        }
    }

    pub(crate) fn colour(self) -> Rgb {
        match self {
            Logo::Circle => hex(0xe07a2e),
            Logo::Peaks => hex(0x2e6f9e),
            Logo::Hexagon => hex(0x3d8c5a),
            Logo::Wave => hex(0x7a4fa0),
        }
    }

    /// A shape on the left, grey bars where a name would be written, inside
    /// a dashed frame that says "placeholder": transparent elsewhere.
    pub(crate) fn draw(self) -> RgbaImage {
        let (w, h) = (LOGO.0 as f32, LOGO.1 as f32);
        let mut layers: Vec<(Mask, Rgb)> = Vec::new();
        let mut add = |colour: Rgb, draw: &dyn Fn(&mut Mask)| {
            let mut mask = Mask::new(LOGO);
            draw(&mut mask);
            layers.push((mask, colour));
        };
        let grey = hex(0x9aa1ab);
        add(hex(0xb8bec6), &|m| {
            let frame =
                |p: P| rounded_box(p, (w / 2.0, h / 2.0), (w / 2.0 - 8.0, h / 2.0 - 8.0), 0.0, 24.0).abs() - 2.5;
            let dashes = |p: P| {
                let along = if (p.1 - h / 2.0).abs() > h / 2.0 - 40.0 { p.0 } else { p.1 };
                if along.rem_euclid(36.0) < 20.0 { frame(p) } else { 1.0 }
            };
            m.add([0.0, 0.0, w, h], dashes);
        });
        let emblem = (140.0, h / 2.0);
        let colour = self.colour();
        add(colour, &|m| match self {
            Logo::Circle => {
                m.add(bounds(&[emblem], 80.0), |p| circle(p, emblem, 74.0).max(-circle(p, emblem, 44.0)));
                m.add(bounds(&[emblem], 30.0), |p| circle(p, emblem, 26.0));
            }
            Logo::Peaks => {
                let big = [
                    (emblem.0 - 85.0, emblem.1 + 60.0),
                    (emblem.0 + 5.0, emblem.1 - 70.0),
                    (emblem.0 + 85.0, emblem.1 + 60.0),
                ];
                m.add(bounds(&big, 2.0), |p| polygon(p, &big));
            }
            Logo::Hexagon => {
                let corners: Vec<P> = (0..6)
                    .map(|k| {
                        let a = k as f32 * TAU / 6.0;
                        (emblem.0 + 78.0 * a.cos(), emblem.1 + 78.0 * a.sin())
                    })
                    .collect();
                m.add(bounds(&corners, 2.0), |p| polygon(p, &corners).max(-circle(p, emblem, 30.0)));
            }
            Logo::Wave => {
                m.add(bounds(&[emblem], 80.0), |p| rounded_box(p, emblem, (72.0, 72.0), 0.0, 22.0));
            }
        });
        match self {
            Logo::Peaks => add(hex(0x8cc3e6), &|m| {
                let small = [
                    (emblem.0 - 20.0, emblem.1 + 60.0),
                    (emblem.0 + 40.0, emblem.1 - 20.0),
                    (emblem.0 + 100.0, emblem.1 + 60.0),
                ];
                m.add(bounds(&small, 2.0), |p| polygon(p, &small));
            }),
            Logo::Wave => add([255.0; 3], &|m| {
                for row in 0..3 {
                    let y0 = emblem.1 - 32.0 + row as f32 * 32.0;
                    let points: Vec<P> = (0..=24)
                        .map(|i| {
                            let x = emblem.0 - 52.0 + 104.0 * i as f32 / 24.0;
                            (x, y0 + 10.0 * ((x - emblem.0) / 16.0).sin())
                        })
                        .collect();
                    m.stroke(&points, 6.0, 6.0);
                }
            }),
            Logo::Circle | Logo::Hexagon => {}
        }
        add(grey, &|m| {
            for (k, length) in [(0, 300.0), (1, 220.0), (2, 140.0)] {
                let y = h / 2.0 - 50.0 + k as f32 * 50.0;
                let at = (250.0 + length / 2.0, y);
                let half = (length / 2.0, if k == 0 { 16.0 } else { 11.0 });
                m.add(bounds(&[at], length / 2.0 + 2.0), |p| rounded_box(p, at, half, 0.0, half.1));
            }
        });

        let mut out = RgbaImage::new(LOGO.0 as u32, LOGO.1 as u32);
        for (i, px) in out.pixels_mut().enumerate() {
            // Layers over each other, "over" compositing on transparency.
            let (mut colour, mut alpha) = ([0.0f32; 3], 0.0f32);
            for (mask, c) in &layers {
                let a = mask.a[i];
                if a > 0.0 {
                    let total = a + alpha * (1.0 - a);
                    for ch in 0..3 {
                        colour[ch] = (c[ch] * a + colour[ch] * alpha * (1.0 - a)) / total;
                    }
                    alpha = total;
                }
            }
            let byte = |v: f32| v.round().clamp(0.0, 255.0) as u8;
            px.0 = [byte(colour[0]), byte(colour[1]), byte(colour[2]), byte(alpha * 255.0)];
        }
        out
    }
}
