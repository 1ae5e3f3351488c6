//! The demo's illustrations, painted with `draw`.

use std::f32::consts::{PI, TAU};

use super::draw::*;
use super::{PHOTO, WELCOME};

// ---------------------------------------------------------------------------
// The news illustrations

/// Snow-capped peaks at sunrise above a forest (COOPJOP: winter Games).
pub(crate) fn alpine_sunrise() -> Canvas {
    let (w, h) = (PHOTO.0 as f32, PHOTO.1 as f32);
    let mut c = Canvas::new(PHOTO);
    let sky = [
        (0.0, hex(0x14284f)),
        (0.22, hex(0x34508a)),
        (0.40, hex(0x9a7fa6)),
        (0.52, hex(0xf0a68a)),
        (0.60, hex(0xffd2a1)),
    ];
    c.fill(|(x, y)| {
        let base = gradient(&sky, y / h);
        // Thin clouds lit from below.
        let streak = fbm(x / 520.0, y / 46.0, 7, 5);
        let band = smoothstep(0.12, 0.22, y / h) * (1.0 - smoothstep(0.36, 0.46, y / h));
        mix(base, hex(0xf7c2b0), smoothstep(0.55, 0.75, streak) * band * 0.55)
    });
    let sun = (0.66 * w, 0.47 * h);
    c.glow(sun, 420.0, hex(0xffc98f), 0.55);
    c.glow(sun, 120.0, hex(0xfff1d8), 0.8);
    c.solid(bounds(&[sun], 60.0), |p| circle(p, sun, 48.0), hex(0xfff6e4));

    // Far range, hazy, snow on its upper half.
    let far_top = |x: f32| h * (0.47 - 0.11 * ridged(x / 520.0, 11, 4));
    let mut far = Mask::new(PHOTO);
    far.below(far_top);
    c.layer(&far, |(x, y)| {
        let depth = y - far_top(x);
        let snow = smoothstep(90.0, 40.0, depth - 60.0 * fbm(x / 110.0, 0.5, 12, 3));
        let rock = mix(hex(0x8f80aa), hex(0xa592b4), fbm(x / 150.0, y / 300.0, 13, 2));
        mix(rock, hex(0xefd6dc), snow * 0.8)
    });

    // The main peaks: snow lit pink on the faces that look towards the
    // sun, blue in the shade, rock showing through lower down.
    let crest = |x: f32| h * (0.64 - 0.30 * ridged(x / 900.0, 21, 5).powf(1.6));
    let mut peaks = Mask::new(PHOTO);
    peaks.below(crest);
    c.layer(&peaks, |(x, y)| {
        let depth = y - crest(x);
        // A face slopes down towards the sun (on the right) where the crest
        // is lower on its right, at a reach growing with the depth.
        let reach = 24.0 + 0.7 * depth;
        let slope = (crest(x + reach) - crest(x - reach)) / (2.0 * reach);
        let gully = fbm(x / 80.0 + depth / 150.0, depth / 300.0, 22, 3) - 0.5;
        let lit = (0.5 + 1.4 * slope + 1.1 * gully).clamp(0.0, 1.0);
        let snowline = 230.0 + 250.0 * fbm(x / 240.0, 0.5, 23, 3);
        let rocky = fbm(x / 45.0, y / 110.0, 24, 4) - 0.5;
        let snow = smoothstep(snowline + 14.0, snowline - 14.0, depth + 260.0 * rocky);
        let snow_colour = mix(hex(0x7d8fb8), hex(0xfde4da), smoothstep(0.38, 0.62, lit));
        let rock_colour = mix(hex(0x343a58), hex(0x8a6f7c), lit * 0.8);
        let haze = smoothstep(0.0, 600.0, depth) * 0.25;
        mix(mix(rock_colour, snow_colour, snow), hex(0x6c6f93), haze)
    });

    // A forested hill with fir trees on its crest.
    let mut rng = Rng(31);
    let mut forest = Mask::new(PHOTO);
    let hill = |x: f32| h * (0.80 - 0.06 * fbm(x / 700.0, 3.0, 32, 3) - 0.03 * (x / w * PI).sin());
    forest.below(hill);
    let mut x = -20.0;
    while x < w + 20.0 {
        let tall = rng.range(70.0, 170.0);
        let base = hill(x) + 12.0;
        let half = tall * 0.22;
        let tree = [(x, base - tall), (x + half, base), (x - half, base)];
        forest.add(bounds(&tree, 2.0), |p| polygon(p, &tree));
        x += rng.range(14.0, 34.0);
    }
    c.layer(&forest, |(x, y)| {
        let mist = 1.0 - smoothstep(0.66 * h, 0.86 * h, y);
        mix(hex(0x18222e), hex(0x3a4860), mist * 0.5 + 0.15 * fbm(x / 30.0, y / 30.0, 33, 2))
    });

    // Snowfield in front, with soft blue hollows.
    let mut field = Mask::new(PHOTO);
    let edge = |x: f32| h * (0.885 + 0.025 * (x / w * 2.6 + 0.4).sin() + 0.01 * fbm(x / 200.0, 5.0, 41, 3));
    field.below(edge);
    c.layer(&field, |(x, y)| {
        let shade = fbm(x / 420.0, y / 60.0, 42, 4);
        let base = mix(hex(0xf6e7e4), hex(0x9fb0d4), smoothstep(0.4, 0.7, shade));
        mix(base, hex(0xb8c4e0), smoothstep(0.0, 120.0, y - edge(x)) * 0.3)
    });
    c.grain(1, 2.2);
    c
}

/// A lagoon at sunset, mangroves on the left, palm trees on the right
/// (COOP'R: biodiversity and protected areas).
pub(crate) fn lagoon_sunset() -> Canvas {
    let (w, h) = (PHOTO.0 as f32, PHOTO.1 as f32);
    let horizon = 0.58 * h;
    let stops = [
        (0.0, hex(0x241d4a)),
        (0.22, hex(0x5a3a72)),
        (0.40, hex(0xc2576a)),
        (0.50, hex(0xf08a55)),
        (0.58, hex(0xffc27a)),
    ];
    let sun = (0.44 * w, 0.535 * h);
    let sky = move |x: f32, y: f32| {
        let base = gradient(&stops, y / h);
        let cloud = fbm(x / 700.0, y / 55.0, 51, 5);
        let band = smoothstep(0.10, 0.20, y / h) * (1.0 - smoothstep(0.40, 0.50, y / h));
        let sunlit = mix(hex(0x6b3a66), hex(0xffb07a), 1.0 - smoothstep(0.0, 0.7 * w, (x - sun.0).abs()));
        mix(base, sunlit, smoothstep(0.52, 0.72, cloud) * band * 0.8)
    };
    let mut c = Canvas::new(PHOTO);
    c.fill(|(x, y)| {
        if y < horizon {
            return sky(x, y);
        }
        // The sky seen in the water: mirrored, rippled, darker.
        let depth = (y - horizon) / (h - horizon);
        let ripple = (fbm(x / 300.0, y / 9.0, 52, 4) - 0.5) * (20.0 + 160.0 * depth);
        let mirrored = (2.0 * horizon - y + ripple * 0.4).clamp(0.0, horizon - 1.0);
        let seen = sky(x + ripple, mirrored);
        mix(scale(seen, 0.78), hex(0x1c2a4a), 0.25 + 0.45 * depth)
    });
    c.glow(sun, 520.0, hex(0xffb46e), 0.5);
    c.glow(sun, 140.0, hex(0xffe7b8), 0.8);
    c.solid(bounds(&[sun], 80.0), |p| circle(p, sun, 70.0), hex(0xfff0c8));

    // The sun's path on the water: broken bright dashes.
    let (xs, ys) = pixels([sun.0 - 500.0, horizon, sun.0 + 500.0, h], c.w, c.h);
    for y in ys {
        let depth = (y as f32 - horizon) / (h - horizon);
        let spread = 60.0 + 420.0 * depth;
        for x in xs.clone() {
            let fx = x as f32;
            let across = 1.0 - smoothstep(0.3 * spread, spread, (fx - sun.0).abs());
            let dash = smoothstep(0.58, 0.78, fbm(fx / (40.0 + 90.0 * depth), y as f32 / 4.0, 53, 3));
            c.blend(y * c.w + x, hex(0xffd9a0), across * dash * (0.85 - 0.5 * depth));
        }
    }

    // Low wooded shore along the horizon.
    let mut shore = Mask::new(PHOTO);
    shore.below(|x| horizon - 8.0 - 22.0 * fbm(x / 60.0, 1.0, 54, 3) - 30.0 * fbm(x / 500.0, 2.0, 55, 2));
    let mut below_horizon = Mask::new(PHOTO);
    below_horizon.below(|_| horizon + 4.0);
    for (s, b) in shore.a.iter_mut().zip(&below_horizon.a) {
        *s *= 1.0 - b;
    }
    c.layer(&shore, |_| hex(0x3a2440));

    // Mangroves: a mass of rounded crowns on arching roots, and their
    // reflection.
    let mut rng = Rng(61);
    let mut mangrove = Mask::new(PHOTO);
    let waterline = horizon + 70.0;
    for _ in 0..130 {
        let x = rng.range(-100.0, 0.34 * w);
        let taper = 1.0 - x / (0.34 * w);
        let y = waterline - 150.0 - rng.range(0.0, 330.0) * taper.sqrt();
        let r = rng.range(40.0, 95.0) * (0.55 + 0.45 * taper);
        mangrove.add(bounds(&[(x, y)], r + 2.0), |p| circle(p, (x, y), r));
    }
    // Prop roots leave the trunks sideways and arch down into the water.
    for _ in 0..70 {
        let top = (rng.range(-40.0, 0.31 * w), waterline - rng.range(120.0, 200.0));
        let out = if rng.next() < 0.5 { -1.0 } else { 1.0 } * rng.range(50.0, 170.0);
        let foot = (top.0 + out, waterline + rng.range(-4.0, 8.0));
        let bend = (foot.0, top.1 + rng.range(0.0, 30.0));
        mangrove.stroke(&curve(top, bend, foot, 16), 6.0, 2.5);
    }
    c.layer(&mangrove, |_| hex(0x1d1327));
    let mut reflection = Mask::new(PHOTO);
    for y in (waterline as usize)..c.h {
        let source = 2.0 * waterline - y as f32;
        if source < 0.0 {
            continue;
        }
        for x in 0..c.w {
            let wobble = (fbm(x as f32 / 200.0, y as f32 / 8.0, 62, 3) - 0.5) * 40.0;
            let sx = ((x as f32 + wobble) as usize).min(c.w - 1);
            reflection.a[y * c.w + x] = mangrove.a[source as usize * c.w + sx] * 0.7;
        }
    }
    c.layer(&reflection, |_| hex(0x1a1630));

    // Two palm trees on the right bank.
    let mut palms = Mask::new(PHOTO);
    palms.below(|x| {
        waterline + 30.0 - 80.0 * smoothstep(0.75 * w, 0.92 * w, x) + 0.5 * h * smoothstep(0.80 * w, 0.55 * w, x)
    });
    for (foot, top) in
        [((0.83 * w, waterline + 10.0), (0.76 * w, 0.17 * h)), ((0.90 * w, waterline), (0.95 * w, 0.27 * h))]
    {
        let bend = ((foot.0 + top.0) / 2.0 + 90.0, (foot.1 + top.1) / 2.0);
        palms.stroke(&curve(foot, bend, top, 24), 20.0, 11.0);
        for k in 0..11 {
            // Fronds all around the crown, arching out then drooping,
            // with leaflets hanging from them.
            let angle = -PI + k as f32 * PI / 10.0 + 0.12 * (k as f32 * 1.7).sin();
            let reach = 250.0 + 70.0 * (k as f32 * 2.3).sin();
            let droop = 40.0 + 110.0 * angle.cos().abs();
            let tip = (top.0 + angle.cos() * reach, top.1 + angle.sin() * reach * 0.45 + droop);
            let mid = (top.0 + angle.cos() * reach * 0.6, top.1 - 40.0 + angle.sin() * reach * 0.4);
            let frond = curve(top, mid, tip, 20);
            palms.stroke(&frond, 9.0, 2.0);
            for (i, pair) in frond.windows(2).enumerate().skip(2) {
                let (a, b) = (pair[0], pair[1]);
                let (dx, dy) = (b.0 - a.0, b.1 - a.1);
                let norm = length(dx, dy).max(1e-3);
                let long = 70.0 * (1.0 - i as f32 / 22.0);
                for side in [-1.0, 1.0] {
                    // Leaflets lean forward along the frond and hang down.
                    let end = (a.0 + (dx / norm * 0.6 + side * 0.15) * long, a.1 + (dy / norm * 0.6 + 0.8) * long);
                    palms.stroke(&[a, end], 3.5, 1.2);
                }
            }
        }
    }
    c.layer(&palms, |_| hex(0x1a1222));

    // Reeds in the foreground and a few birds in the sky.
    let mut reeds = Mask::new(PHOTO);
    for _ in 0..90 {
        let foot = (rng.range(0.40 * w, w + 40.0), h + 10.0);
        let tall = rng.range(120.0, 360.0);
        let lean = rng.range(-70.0, 50.0);
        let top = (foot.0 + lean, foot.1 - tall);
        reeds.stroke(&curve(foot, (foot.0, foot.1 - tall * 0.6), top, 12), 4.0, 1.2);
    }
    for _ in 0..6 {
        let (x, y, span) = (rng.range(0.2 * w, 0.7 * w), rng.range(0.12 * h, 0.35 * h), rng.range(18.0, 34.0));
        let wing =
            |side: f32| curve((x, y), (x + side * span * 0.5, y - span * 0.5), (x + side * span, y - span * 0.1), 8);
        reeds.stroke(&wing(1.0), 3.0, 1.5);
        reeds.stroke(&wing(-1.0), 3.0, 1.5);
    }
    c.layer(&reeds, |_| hex(0x160f1c));
    c.grain(2, 2.2);
    c
}

/// Old town roofs dominated by a belfry whose spire reaches the top of the
/// picture, bunting across the street (the twinning study).
pub(crate) fn belfry_rooftops() -> Canvas {
    let (w, h) = (PHOTO.0 as f32, PHOTO.1 as f32);
    let mut c = Canvas::new(PHOTO);
    let sky = [(0.0, hex(0x3f78bd)), (0.45, hex(0x8db8e0)), (0.75, hex(0xd8e8f2))];
    c.fill(|(x, y)| {
        let base = gradient(&sky, y / h);
        let cloud = fbm(x / 520.0, y / 200.0, 71, 6);
        mix(base, hex(0xfbfcfd), smoothstep(0.52, 0.75, cloud) * 0.9)
    });
    let mut hills = Mask::new(PHOTO);
    hills.below(|x| h * (0.60 - 0.05 * fbm(x / 600.0, 1.0, 72, 4)));
    c.layer(&hills, |(x, y)| mix(hex(0x7f9db0), hex(0x6d8f7e), fbm(x / 80.0, y / 80.0, 73, 3) * 0.5));

    // The belfry: a stone tower, an open bell stage, a clock and a slate spire.
    let axis = 0.56 * w;
    let stone = |(x, y): P, half: f32| {
        let lit = if x < axis { 1.0 } else { 0.78 };
        let course = if (y % 34.0) < 3.0 { 0.9 } else { 1.0 };
        let weathered = 0.92 + 0.12 * fbm(x / 25.0, y / 25.0, 74, 3);
        let edge = 1.0 - 0.15 * smoothstep(half * 0.7, half, (x - axis).abs());
        scale(hex(0xdcc8a2), lit * course * weathered * edge)
    };
    let (tower_top, stage_top) = (0.37 * h, 0.20 * h);
    c.shape(
        [axis - 130.0, tower_top, axis + 130.0, h],
        |p| rounded_box(p, (axis, (tower_top + h) / 2.0), (125.0, (h - tower_top) / 2.0), 0.0, 2.0),
        1.0,
        |p| stone(p, 125.0),
        1.0,
    );
    c.shape(
        [axis - 110.0, stage_top, axis + 110.0, tower_top + 4.0],
        |p| {
            rounded_box(
                p,
                (axis, (stage_top + tower_top) / 2.0 + 2.0),
                (105.0, (tower_top - stage_top) / 2.0 + 2.0),
                0.0,
                2.0,
            )
        },
        1.0,
        |p| stone(p, 105.0),
        1.0,
    );
    c.solid(
        [axis - 150.0, tower_top - 16.0, axis + 150.0, tower_top + 16.0],
        |p| rounded_box(p, (axis, tower_top), (140.0, 12.0), 0.0, 3.0),
        hex(0xbfa987),
    );
    for dx in [-56.0, 0.0, 56.0] {
        let arch = |p: P| {
            let body = rounded_box(p, (axis + dx, stage_top + 150.0), (18.0, 60.0), 0.0, 0.0);
            body.min(circle(p, (axis + dx, stage_top + 90.0), 18.0))
        };
        c.solid([axis + dx - 22.0, stage_top + 66.0, axis + dx + 22.0, stage_top + 214.0], arch, hex(0x2b2a33));
    }
    let clock = (axis, tower_top + 130.0);
    c.solid(bounds(&[clock], 70.0), |p| circle(p, clock, 66.0), hex(0x2f3a52));
    c.solid(bounds(&[clock], 60.0), |p| circle(p, clock, 56.0), hex(0xf4ead2));
    for k in 0..12 {
        let a = k as f32 * TAU / 12.0;
        let (s, co) = a.sin_cos();
        let (p0, p1) = ((clock.0 + 44.0 * co, clock.1 + 44.0 * s), (clock.0 + 51.0 * co, clock.1 + 51.0 * s));
        c.solid(bounds(&[p0, p1], 5.0), |p| capsule(p, p0, p1, 2.5), hex(0x2f3a52));
    }
    for (angle, reach, r) in [(-2.2_f32, 30.0, 4.0), (-0.35_f32, 44.0, 3.0)] {
        let tip = (clock.0 + reach * angle.cos(), clock.1 + reach * angle.sin());
        c.solid(bounds(&[clock, tip], 6.0), |p| capsule(p, clock, tip, r), hex(0x1d2433));
    }
    let spire_tip = (axis, 0.035 * h);
    let spire = [spire_tip, (axis + 125.0, stage_top + 4.0), (axis - 125.0, stage_top + 4.0)];
    c.shape(
        bounds(&spire, 2.0),
        |p| polygon(p, &spire),
        1.0,
        |(x, y)| {
            let lit = if x < axis { 1.0 } else { 0.7 };
            let slates = if ((y - spire_tip.1) % 22.0) < 2.0 { 0.85 } else { 1.0 };
            scale(hex(0x5c6a7e), lit * slates)
        },
        1.0,
    );
    let finial = (spire_tip.0, spire_tip.1 - 14.0);
    c.solid(
        [axis - 4.0, finial.1 - 20.0, axis + 4.0, spire_tip.1 + 10.0],
        |p| capsule(p, (axis, finial.1 - 18.0), (axis, spire_tip.1 + 6.0), 3.0),
        hex(0x3a3f48),
    );
    c.solid(bounds(&[finial], 12.0), |p| circle(p, finial, 9.0), hex(0xc9a64a));

    // Two rows of houses: gables, tiled roofs, windows, chimneys.
    let facades =
        [hex(0xe2b65c), hex(0xd98f7a), hex(0xefe2c4), hex(0xa9b98d), hex(0x9fb2c4), hex(0xe7c9a0), hex(0xc77d5e)];
    let roofs = [hex(0xb5533c), hex(0x9c4a35), hex(0x6f6a72), hex(0xa8583f)];
    let mut rng = Rng(81);
    for (row, (eaves_from, eaves_to, haze)) in [(0.60, 0.68, 0.35), (0.70, 0.80, 0.0)].into_iter().enumerate() {
        let mut x = -rng.range(0.0, 120.0);
        while x < w {
            let width = rng.range(150.0, 270.0) * if row == 0 { 0.75 } else { 1.0 };
            if row == 0 && (x + width > axis - 140.0 && x < axis + 140.0) {
                x += width;
                continue;
            }
            let eaves = h * rng.range(eaves_from, eaves_to);
            let wall = mix(facades[(rng.next() * facades.len() as f32) as usize], hex(0xa9c0d4), haze);
            let roof = mix(roofs[(rng.next() * roofs.len() as f32) as usize], hex(0xa9c0d4), haze);
            let pitch = rng.range(0.45, 0.8) * width * 0.5;
            c.solid(
                [x, eaves, x + width, h],
                |p| rounded_box(p, (x + width / 2.0, (eaves + h) / 2.0), (width / 2.0, (h - eaves) / 2.0), 0.0, 0.0),
                wall,
            );
            if rng.next() < 0.5 {
                let chimney = x + width * rng.range(0.2, 0.8);
                c.solid(
                    [chimney - 16.0, eaves - pitch - 30.0, chimney + 16.0, eaves],
                    |p| rounded_box(p, (chimney, eaves - pitch * 0.6), (14.0, pitch * 0.6 + 10.0), 0.0, 1.0),
                    scale(roof, 0.8),
                );
            }
            let gable = [(x - 12.0, eaves + 4.0), (x + width / 2.0, eaves - pitch), (x + width + 12.0, eaves + 4.0)];
            c.shape(
                bounds(&gable, 2.0),
                |p| polygon(p, &gable),
                1.0,
                |(_, y)| scale(roof, if (eaves - y).rem_euclid(18.0) < 3.0 { 0.85 } else { 1.0 }), // tile courses
                1.0,
            );
            let floors = ((h - eaves) / 130.0) as usize;
            let columns = (width / 80.0) as usize;
            for f in 0..floors {
                for k in 0..columns {
                    let cx = x + width * (k as f32 + 0.5) / columns as f32;
                    let cy = eaves + 70.0 + f as f32 * 130.0;
                    let pane = mix(hex(0x33404f), hex(0xa9c0d4), haze);
                    c.solid(
                        [cx - 30.0, cy - 44.0, cx + 30.0, cy + 44.0],
                        |p| rounded_box(p, (cx, cy), (26.0, 40.0), 0.0, 2.0),
                        scale(wall, 0.8),
                    );
                    c.solid(
                        [cx - 24.0, cy - 38.0, cx + 24.0, cy + 38.0],
                        |p| rounded_box(p, (cx, cy), (20.0, 34.0), 0.0, 1.0),
                        pane,
                    );
                }
            }
            x += width;
        }
    }

    // Bunting across the street.
    let flags = [hex(0xd64541), hex(0xf2c14e), hex(0x3f88c5), hex(0x44af69), hex(0xf8f4e3)];
    for (k, (left, right, sag)) in
        [((0.0, 0.74 * h), (w, 0.70 * h), 120.0), ((0.0, 0.86 * h), (w, 0.83 * h), 90.0)].into_iter().enumerate()
    {
        let mid = ((left.0 + right.0) / 2.0, (left.1 + right.1) / 2.0 + 2.0 * sag);
        let line = curve(left, mid, right, 60);
        let mut cord = Mask::new(PHOTO);
        cord.stroke(&line, 2.0, 2.0);
        c.layer(&cord, |_| hex(0x3b3b3b));
        let points = curve(left, mid, right, 40);
        for (i, pair) in points.windows(2).enumerate() {
            let (a, b) = (pair[0], pair[1]);
            let tip = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0 + 62.0);
            let flag = [a, b, tip];
            c.solid(bounds(&flag, 2.0), |p| polygon(p, &flag), flags[(i + k * 2) % flags.len()]);
        }
    }
    c.grain(3, 2.2);
    c
}

/// A meeting table seen from above: chairs, laptops, papers, sticky notes,
/// cups and a plant (COOPJOP: the working groups).
pub(crate) fn meeting_table() -> Canvas {
    let (w, h) = (PHOTO.0 as f32, PHOTO.1 as f32);
    let mut c = Canvas::new(PHOTO);
    c.fill(|(x, y)| {
        let weave = fbm(x / 4.0, y / 4.0, 91, 1);
        let patch = fbm(x / 300.0, y / 300.0, 92, 4);
        mix(hex(0x4d5e6e), hex(0x6c7f90), 0.2 * weave + 0.8 * patch)
    });
    let centre = (w / 2.0, h / 2.0);
    let half = (880.0, 360.0);
    let table = |p: P| rounded_box(p, centre, half, 0.0, 340.0);
    let table_box = [centre.0 - half.0, centre.1 - half.1, centre.0 + half.0, centre.1 + half.1];

    // Chairs first: the table hides their front.
    let mut chairs: Vec<(P, f32)> = Vec::new();
    for k in 0..5 {
        let x = centre.0 + (k as f32 - 2.0) * 300.0;
        chairs.push(((x, centre.1 - half.1 - 30.0), 0.0));
        chairs.push(((x, centre.1 + half.1 + 30.0), PI));
    }
    chairs.push(((centre.0 - half.0 - 30.0, centre.1), -PI / 2.0));
    chairs.push(((centre.0 + half.0 + 30.0, centre.1), PI / 2.0));
    for &(at, angle) in &chairs {
        let seat = |p: P| rounded_box(p, at, (95.0, 85.0), angle, 28.0);
        let (s, co) = angle.sin_cos();
        let back_at = (at.0 + 88.0 * s, at.1 - 88.0 * co);
        let back = |p: P| rounded_box(p, back_at, (105.0, 22.0), angle, 18.0);
        let b = bounds(&[at], 150.0);
        c.shadow(b, seat, (16.0, 22.0), 24.0, 0.45);
        c.shape(b, seat, 1.0, |(x, y)| mix(hex(0x23404f), hex(0x2f5568), fbm(x / 30.0, y / 30.0, 93, 2)), 1.0);
        c.solid(b, back, hex(0x1b2f3b));
    }

    c.shadow(table_box, table, (22.0, 30.0), 40.0, 0.55);
    c.shape(
        table_box,
        table,
        1.0,
        |(x, y)| {
            let grain = (y / 9.0 + 7.0 * fbm(x / 420.0, y / 60.0, 94, 4)).sin() * 0.5 + 0.5;
            let board = ((x - table_box[0]) / 292.0).floor();
            let tone = 0.94 + 0.08 * hash(board as i32, 0, 95);
            scale(mix(hex(0xc39a6b), hex(0xd9b88e), grain * 0.7), tone)
        },
        1.0,
    );

    // One place per chair: a laptop or papers, a cup, a pen.
    let mut rng = Rng(101);
    for (i, &(at, angle)) in chairs.iter().enumerate() {
        let (s, co) = angle.sin_cos();
        let inward = |d: f32, side: f32| (at.0 - d * s + side * co, at.1 + d * co + side * s);
        let tilt = angle + rng.range(-0.12, 0.12);
        if i % 3 != 1 {
            // A laptop: the lid's edge away from its user, the keyboard
            // and the touchpad towards them.
            let base = inward(150.0, 0.0);
            let body = |p: P| rounded_box(p, base, (100.0, 70.0), tilt, 10.0);
            let b = bounds(&[base], 140.0);
            c.shadow(b, body, (8.0, 12.0), 12.0, 0.4);
            c.solid(b, body, hex(0xb9bec6));
            let keys = inward(165.0, 0.0);
            c.solid(b, |p| rounded_box(p, keys, (86.0, 34.0), tilt, 5.0), hex(0x3b4048));
            let pad = inward(108.0, 0.0);
            c.solid(b, |p| rounded_box(p, pad, (30.0, 15.0), tilt, 4.0), hex(0xa6abb3));
            let lid = inward(216.0, 0.0);
            c.solid(b, |p| rounded_box(p, lid, (100.0, 7.0), tilt, 3.0), hex(0x7c828c));
        } else {
            for sheet in 0..2 {
                let at_sheet = inward(165.0 + sheet as f32 * 10.0, sheet as f32 * 20.0 - 10.0);
                let turn = tilt + rng.range(-0.15, 0.15);
                let paper = |p: P| rounded_box(p, at_sheet, (74.0, 104.0), turn, 2.0);
                let b = bounds(&[at_sheet], 150.0);
                c.shadow(b, paper, (6.0, 9.0), 10.0, 0.35);
                c.solid(b, paper, hex(0xf7f5ef));
                let (ts, tc) = turn.sin_cos();
                for line in 0..8 {
                    let along = -78.0 + line as f32 * 22.0;
                    let width = if line % 4 == 3 { 28.0 } else { 56.0 };
                    let mid = (at_sheet.0 - along * ts, at_sheet.1 + along * tc);
                    c.solid(b, |p| rounded_box(p, mid, (width, 3.5), turn, 3.0), hex(0x9aa0a8));
                }
            }
        }
        // The cup on the side towards the middle of the table, where its
        // rounded ends leave room.
        let end = co.abs() < 0.5;
        let cup =
            if end { inward(200.0, 150.0) } else { inward(80.0, -140.0 * (at.0 - centre.0).signum() * co.signum()) };
        let b = bounds(&[cup], 70.0);
        c.shadow(b, |p| circle(p, cup, 36.0), (6.0, 9.0), 10.0, 0.35);
        let handle = (cup.0 + 40.0 * co, cup.1 + 40.0 * s);
        c.solid(b, |p| capsule(p, cup, handle, 8.0), hex(0xf4f4f1));
        c.solid(b, |p| circle(p, cup, 36.0), hex(0xe9e9e6));
        c.solid(b, |p| circle(p, cup, 27.0), hex(0xfafaf7));
        c.solid(b, |p| circle(p, cup, 21.0), hex(0x5a3a22));
        let pen = inward(262.0, -110.0);
        let pen_turn = angle + rng.range(-0.4, 0.4);
        let (ps, pc) = pen_turn.sin_cos();
        let (a, z) = ((pen.0 - 50.0 * pc, pen.1 - 50.0 * ps), (pen.0 + 50.0 * pc, pen.1 + 50.0 * ps));
        c.solid(bounds(&[a, z], 10.0), |p| capsule(p, a, z, 5.0), [hex(0x2457a6), hex(0x1f1f1f), hex(0xc0392b)][i % 3]);
    }

    // Sticky notes from a workshop, and a plant in the middle.
    let notes = [hex(0xf7e26b), hex(0xf49ac1), hex(0x9be3a8), hex(0x8fd3f4)];
    for k in 0..14 {
        let at = (
            centre.0 - 480.0 + (k % 7) as f32 * 160.0 + rng.range(-20.0, 20.0),
            centre.1 - 55.0 + (k / 7) as f32 * 110.0 + rng.range(-12.0, 12.0),
        );
        if (at.0 - centre.0).abs() < 170.0 {
            continue;
        }
        let turn = rng.range(-0.25, 0.25);
        let note = |p: P| rounded_box(p, at, (42.0, 42.0), turn, 3.0);
        let b = bounds(&[at], 90.0);
        c.shadow(b, note, (4.0, 6.0), 8.0, 0.3);
        c.shape(
            b,
            note,
            1.0,
            |(x, y)| scale(notes[k % notes.len()], 0.96 + 0.06 * fbm(x / 20.0, y / 20.0, 96, 2)),
            1.0,
        );
    }
    let b = bounds(&[centre], 200.0);
    c.shadow(b, |p| circle(p, centre, 70.0), (10.0, 14.0), 20.0, 0.45);
    c.solid(b, |p| circle(p, centre, 70.0), hex(0xb5654a));
    for k in 0..26 {
        let angle = k as f32 * 2.39996;
        let reach = 80.0 + 70.0 * hash(k, 1, 97);
        let tip = (centre.0 + reach * angle.cos(), centre.1 + reach * angle.sin());
        let colour = mix(hex(0x2f6b3a), hex(0x6fae5b), hash(k, 2, 98));
        c.shadow(b, |p| capsule(p, centre, tip, 20.0), (8.0, 10.0), 14.0, 0.12);
        c.solid(b, |p| capsule(p, centre, tip, 19.0 - 7.0 * hash(k, 3, 99)), colour);
    }
    c.grain(4, 2.2);
    c
}

/// An arched footbridge over a river in the morning: the starter site's
/// image, smaller and quieter than the demo's.
pub(crate) fn footbridge() -> Canvas {
    let (w, h) = (WELCOME.0 as f32, WELCOME.1 as f32);
    let horizon = 0.50 * h;
    let stops = [(0.0, hex(0x7fa7d6)), (0.30, hex(0xbcd3ea)), (0.50, hex(0xf3e2c7))];
    let sky = move |x: f32, y: f32| {
        let cloud = fbm(x / 260.0, y / 60.0, 111, 4);
        mix(gradient(&stops, y / h), hex(0xfdf8f0), smoothstep(0.55, 0.8, cloud) * 0.7)
    };
    let mut c = Canvas::new(WELCOME);
    c.fill(|(x, y)| {
        if y < horizon {
            return sky(x, y);
        }
        let depth = (y - horizon) / (h - horizon);
        let ripple = (fbm(x / 160.0, y / 5.0, 112, 3) - 0.5) * (8.0 + 50.0 * depth);
        let seen = sky(x + ripple, (2.0 * horizon - y).max(0.0));
        mix(scale(seen, 0.85), hex(0x4b7a8c), 0.3 + 0.4 * depth)
    });
    c.glow((0.22 * w, 0.24 * h), 200.0, hex(0xfff1d0), 0.6);

    // Wooded hills far away, then the banks of the river, which widens
    // towards the viewer, and big trees at both sides.
    let mut far = Mask::new(WELCOME);
    let hills = |x: f32| horizon - 24.0 - 40.0 * fbm(x / 180.0, 1.0, 113, 3) - 14.0 * fbm(x / 30.0, 2.0, 114, 2);
    far.add([0.0, 0.0, w, horizon + 2.0], |(x, y)| (hills(x) - y).max(y - horizon));
    c.layer(&far, |(x, y)| mix(hex(0x6f8f86), hex(0x8eaa92), fbm(x / 60.0, y / 60.0, 115, 2)));
    let river = |y: f32| (0.40 * w - (y - horizon) * 0.75, 0.60 * w + (y - horizon) * 0.75);
    let mut banks = Mask::new(WELCOME);
    banks.add([0.0, horizon - 2.0, w, h], |(x, y)| {
        let (left, right) = river(y);
        let wander = 10.0 * (fbm(y / 40.0, x / 400.0, 118, 2) - 0.5) * (y - horizon) / 100.0;
        (horizon - y).max((x - left + wander).min(right - x + wander))
    });
    let mut rng = Rng(121);
    for _ in 0..18 {
        let x = if rng.next() < 0.5 { rng.range(-40.0, 0.2 * w) } else { rng.range(0.8 * w, w + 40.0) };
        let (y, r) = (horizon - rng.range(60.0, 170.0), rng.range(45.0, 85.0));
        banks.add(bounds(&[(x, y)], r + 2.0), |p| circle(p, (x, y), r));
    }
    c.layer(&banks, |(x, y)| mix(hex(0x3f6b46), hex(0x7da05a), fbm(x / 90.0, y / 60.0, 116, 3)));

    // The footbridge: an arch from bank to bank, its deck and railing,
    // and its reflection in the river.
    let footing = horizon + 125.0;
    let mut bridge = Mask::new(WELCOME);
    let arch = curve((0.27 * w, footing), (w / 2.0, footing - 270.0), (0.73 * w, footing), 48);
    bridge.stroke(&arch, 8.0, 8.0);
    let deck_y = |x: f32| horizon - 18.0 + 70.0 * ((x - w / 2.0) / (0.26 * w)).powi(2);
    let deck: Vec<P> = (0..=40)
        .map(|i| {
            let x = 0.24 * w + 0.52 * w * i as f32 / 40.0;
            (x, deck_y(x))
        })
        .collect();
    bridge.stroke(&deck, 5.0, 5.0);
    let rail: Vec<P> = deck.iter().map(|&(x, y)| (x, y - 36.0)).collect();
    bridge.stroke(&rail, 2.5, 2.5);
    for &(x, y) in deck.iter().step_by(2) {
        bridge.stroke(&[(x, y), (x, y - 36.0)], 1.8, 1.8);
    }
    for &(x, y) in arch.iter().step_by(3) {
        if y > deck_y(x) + 6.0 {
            bridge.stroke(&[(x, y), (x, deck_y(x))], 2.5, 2.5);
        }
    }
    let mut reflection = Mask::new(WELCOME);
    for y in (footing as usize)..c.h {
        let source = 2.0 * footing - y as f32;
        let (left, right) = river(y as f32);
        for x in (left.max(0.0) as usize)..(right.min(w) as usize) {
            let wobble = (fbm(x as f32 / 90.0, y as f32 / 4.0, 117, 2) - 0.5) * 16.0;
            let sx = ((x as f32 + wobble).max(0.0) as usize).min(c.w - 1);
            reflection.a[y * c.w + x] = bridge.a[source.max(0.0) as usize * c.w + sx] * 0.45;
        }
    }
    c.layer(&reflection, |_| hex(0x2e4550));
    c.layer(&bridge, |_| hex(0x3a3f4a));
    c.grain(5, 1.6);
    c
}
