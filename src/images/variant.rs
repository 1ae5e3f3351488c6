//! One resized or cropped file of an image, as themes ask for it with
//! `resize_image(path, width, height, op, format)` and as `og:image` needs
//! it (1200×630): what the request means, where a crop falls (a `focus`
//! point keeps the subject in frame), and the size it comes out at. An
//! image is never enlarged: a request larger than the source gives the
//! source's size, and says so, for `check`.

/// How the image is fitted to the size asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Op {
    /// Within the width and/or height, keeping the proportions.
    Fit,
    /// Exactly the width and height, cropping what sticks out.
    Fill,
}

/// The file format of a variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JPEG, or PNG when the image has transparency.
    Auto,
    Webp,
    Jpg,
    Png,
}

impl Format {
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Format::Auto | Format::Jpg => "jpg",
            Format::Webp => "webp",
            Format::Png => "png",
        }
    }

    /// The format named `name` in a theme (`auto`, `webp`, `jpg`, `jpeg`, `png`).
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "auto" => Format::Auto,
            "webp" => Format::Webp,
            "jpg" | "jpeg" => Format::Jpg,
            "png" => Format::Png,
            _ => return None,
        })
    }
}

impl Op {
    /// The operation named `name` in a theme (`fit`, `fill`).
    pub fn parse(name: &str) -> Option<Op> {
        match name.to_ascii_lowercase().as_str() {
            "fit" => Some(Op::Fit),
            "fill" => Some(Op::Fill),
            _ => None,
        }
    }
}

/// The point a crop keeps in frame, as fractions of the width and height
/// from the top left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Focus {
    pub x: f64,
    pub y: f64,
}

impl Default for Focus {
    fn default() -> Focus {
        Focus { x: 0.5, y: 0.5 }
    }
}

impl Focus {
    /// Reads a focus written as CSS `object-position` is: keywords
    /// (`top`, `bottom`, `left`, `right`, `center`, one or two of them) or
    /// percentages (`30% 20%`: from the left, then from the top).
    pub fn parse(text: &str) -> Option<Focus> {
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.is_empty() || words.len() > 2 {
            return None;
        }
        let percent = |word: &str| -> Option<f64> {
            let value: f64 = word.strip_suffix('%')?.trim().parse().ok()?;
            (0.0..=100.0).contains(&value).then_some(value / 100.0)
        };
        let (mut x, mut y) = (None, None);
        for (i, word) in words.iter().enumerate() {
            match word.to_ascii_lowercase().as_str() {
                "left" if x.is_none() => x = Some(0.0),
                "right" if x.is_none() => x = Some(1.0),
                "top" if y.is_none() => y = Some(0.0),
                "bottom" if y.is_none() => y = Some(1.0),
                "center" => {}
                word => {
                    let value = percent(word)?;
                    // Percentages go left to right, then top to bottom.
                    if i == 0 && x.is_none() {
                        x = Some(value);
                    } else if y.is_none() {
                        y = Some(value);
                    } else {
                        return None;
                    }
                }
            }
        }
        Some(Focus { x: x.unwrap_or(0.5), y: y.unwrap_or(0.5) })
    }

    /// Stable integers for a cache key.
    pub(crate) fn key(self) -> [u16; 2] {
        [(self.x * 1000.0).round() as u16, (self.y * 1000.0).round() as u16]
    }
}

/// What a theme or a page asks of an image.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Request {
    pub op: Op,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub format: Format,
    pub focus: Focus,
}

impl Request {
    /// The 1200×630 crop sharing sites show (`og:image`).
    pub fn open_graph(focus: Focus) -> Request {
        Request { op: Op::Fill, width: Some(1200), height: Some(630), format: Format::Auto, focus }
    }

    /// Bytes that tell requests apart in a cache key.
    pub(crate) fn key(&self) -> Vec<u8> {
        let mut key = vec![self.op as u8, self.format as u8];
        key.extend(self.width.unwrap_or(0).to_le_bytes());
        key.extend(self.height.unwrap_or(0).to_le_bytes());
        for part in self.focus.key() {
            key.extend(part.to_le_bytes());
        }
        key
    }
}

/// Where a request falls on a source image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// The part of the upright source kept: x, y, width, height.
    pub crop: (u32, u32, u32, u32),
    /// The size of the file written.
    pub size: (u32, u32),
    /// The size asked for, when the source is too small for it.
    pub short_of: Option<(u32, u32)>,
}

/// Where `request` falls on an upright source of `width`×`height`; None
/// when it names no size, or `fill` lacks one of them.
pub fn geometry(width: u32, height: u32, request: &Request) -> Option<Geometry> {
    let (w, h) = (f64::from(width), f64::from(height));
    let round = |v: f64| (v.round() as u32).max(1);
    match request.op {
        Op::Fit => {
            let scales = [request.width.map(|rw| f64::from(rw) / w), request.height.map(|rh| f64::from(rh) / h)];
            let scale = scales.into_iter().flatten().reduce(f64::min)?;
            let asked = (round(w * scale), round(h * scale));
            let short_of = (scale > 1.0).then_some(asked);
            let size = if scale >= 1.0 { (width, height) } else { asked };
            Some(Geometry { crop: (0, 0, width, height), size, short_of })
        }
        Op::Fill => {
            let (rw, rh) = (request.width?, request.height?);
            let aspect = f64::from(rw) / f64::from(rh);
            let (cw, ch) = if w / h > aspect {
                (round(h * aspect).min(width), height)
            } else {
                (width, round(w / aspect).min(height))
            };
            let place = |focus: f64, whole: u32, part: u32| {
                let start = focus * f64::from(whole) - f64::from(part) / 2.0;
                start.clamp(0.0, f64::from(whole - part)).round() as u32
            };
            let crop = (place(request.focus.x, width, cw), place(request.focus.y, height, ch), cw, ch);
            let fits = cw >= rw && ch >= rh;
            let size = if fits { (rw, rh) } else { (cw, ch) };
            Some(Geometry { crop, size, short_of: (!fits).then_some((rw, rh)) })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(op: Op, width: Option<u32>, height: Option<u32>) -> Request {
        Request { op, width, height, format: Format::Auto, focus: Focus::default() }
    }

    #[test]
    fn fit_keeps_proportions_and_never_enlarges() {
        let fit = |w, h| geometry(4000, 3000, &request(Op::Fit, w, h)).map(|g| (g.size, g.short_of));
        assert_eq!(fit(Some(800), None), Some(((800, 600), None)));
        assert_eq!(fit(None, Some(300)), Some(((400, 300), None)));
        assert_eq!(fit(Some(800), Some(300)), Some(((400, 300), None)));
        assert_eq!(fit(Some(8000), None), Some(((4000, 3000), Some((8000, 6000)))));
        assert_eq!(fit(None, None), None);
    }

    #[test]
    fn fill_crops_around_the_focus_to_the_exact_size() {
        let portrait = |focus| {
            let r = Request { focus, ..Request::open_graph(focus) };
            geometry(3000, 4000, &r).unwrap()
        };
        let centred = portrait(Focus::default());
        assert_eq!(centred.crop, (0, 1213, 3000, 1575));
        assert_eq!(centred.size, (1200, 630));
        assert_eq!(portrait(Focus::parse("top").unwrap()).crop.1, 0);
        assert_eq!(portrait(Focus::parse("bottom").unwrap()).crop.1, 4000 - 1575);
        let small = geometry(800, 800, &Request::open_graph(Focus::default())).unwrap();
        assert_eq!((small.crop, small.size, small.short_of), ((0, 190, 800, 420), (800, 420), Some((1200, 630))));
        assert_eq!(geometry(800, 800, &request(Op::Fill, Some(100), None)), None);
    }

    #[test]
    fn a_focus_reads_like_css_object_position() {
        let read = |t: &str| Focus::parse(t).map(|f| (f.x, f.y));
        assert_eq!(read("center"), Some((0.5, 0.5)));
        assert_eq!(read("top"), Some((0.5, 0.0)));
        assert_eq!(read("left bottom"), Some((0.0, 1.0)));
        assert_eq!(read("bottom left"), Some((0.0, 1.0)));
        assert_eq!(read("30% 75%"), Some((0.3, 0.75)));
        assert_eq!(read("25%"), Some((0.25, 0.5)));
        for bad in ["", "middle", "120% 0%", "top top", "1 2 3", "30"] {
            assert_eq!(read(bad), None, "{bad}");
        }
    }
}
