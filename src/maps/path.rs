//! Owns the text of SVG path data: rounds rings to a tenth of a unit and
//! writes them compactly, one `M x y l dx dy … z` per ring with relative
//! moves computed from the rounded points, so no error builds up along a
//! coast. Also reads that text back into rings, for tests.

use super::geometry::{self, Point};

/// A ring rounded to tenths of a unit: each coordinate an integer count of
/// tenths.
pub(crate) type Ring = Vec<[i64; 2]>;

/// A ring rounded to tenths, without consecutive repeated points.
pub(crate) fn round(ring: &[Point]) -> Ring {
    let mut out: Ring = ring.iter().map(|p| [tenths(p[0]), tenths(p[1])]).collect();
    out.dedup();
    while out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    out
}

/// `v` rounded to the nearest tenth, in tenths.
pub(crate) fn tenths(v: f64) -> i64 {
    // Saturating cast: coordinates are clipped long before this matters.
    (v * 10.0).round() as i64
}

/// A ring of tenths back in units.
pub(crate) fn units(ring: &[[i64; 2]]) -> Vec<Point> {
    ring.iter().map(|p| [p[0] as f64 / 10.0, p[1] as f64 / 10.0]).collect()
}

/// Appends one closed ring: `M12.3 45.6l1.2-.4 3 0z`.
pub(crate) fn write_ring(out: &mut String, ring: &[[i64; 2]]) {
    let Some(first) = ring.first() else { return };
    out.push('M');
    write_pair(out, *first);
    if ring.len() > 1 {
        out.push('l');
        for w in ring.windows(2) {
            let pair = [w[1][0] - w[0][0], w[1][1] - w[0][1]];
            if !out.ends_with('l') && pair[0] >= 0 {
                out.push(' ');
            }
            write_pair(out, pair);
        }
    }
    out.push('z');
}

fn write_pair(out: &mut String, [x, y]: [i64; 2]) {
    write_number(out, x);
    if y >= 0 {
        out.push(' ');
    }
    write_number(out, y);
}

/// Writes a count of tenths as a decimal number, without a leading zero
/// or a trailing `.0`: `-4` → `-.4`, `120` → `12`, `123` → `12.3`.
fn write_number(out: &mut String, v: i64) {
    use std::fmt::Write as _;
    if v < 0 {
        out.push('-');
    }
    let (whole, tenth) = (v.unsigned_abs() / 10, v.unsigned_abs() % 10);
    let _ = match (whole, tenth) {
        (w, 0) => write!(out, "{w}"),
        (0, t) => write!(out, ".{t}"),
        (w, t) => write!(out, "{w}.{t}"),
    };
}

/// Rings wound so that the even-odd and the nonzero fill rules agree:
/// outer rings clockwise on screen (positive [`geometry::signed_area`]),
/// holes the other way.
pub(crate) fn orient(ring: &mut [[i64; 2]], outer: bool) {
    let area = geometry::signed_area(&units(ring));
    if (area > 0.0) != outer {
        ring.reverse();
    }
}

/// Reads path data made of `M`/`m`, `L`/`l` and `Z`/`z` commands back into
/// rings; None on anything else.
#[cfg(test)]
pub(crate) fn parse(d: &str) -> Option<Vec<Vec<Point>>> {
    let mut rings: Vec<Vec<Point>> = Vec::new();
    let mut current: Vec<Point> = Vec::new();
    let mut pen = [0.0, 0.0];
    let mut command = ' ';
    let mut rest = d.trim_start();
    while !rest.is_empty() {
        let c = rest.chars().next()?;
        if c.is_ascii_alphabetic() {
            command = c;
            rest = rest[1..].trim_start();
            if matches!(c, 'z' | 'Z') {
                if let Some(&start) = current.first() {
                    pen = start;
                }
                rings.push(std::mem::take(&mut current));
            }
            continue;
        }
        let (x, after) = number(rest)?;
        let (y, after) = number(after.trim_start_matches([' ', ',']))?;
        rest = after.trim_start_matches([' ', ',']);
        let relative = command.is_ascii_lowercase();
        pen = if relative { [pen[0] + x, pen[1] + y] } else { [x, y] };
        match command {
            'M' | 'm' => {
                if !current.is_empty() {
                    rings.push(std::mem::take(&mut current));
                }
                current.push(pen);
                command = if relative { 'l' } else { 'L' };
            }
            'L' | 'l' => current.push(pen),
            _ => return None,
        }
    }
    if !current.is_empty() {
        rings.push(current);
    }
    Some(rings)
}

#[cfg(test)]
fn number(s: &str) -> Option<(f64, &str)> {
    let mut end = 0;
    let mut dot = false;
    for (i, c) in s.char_indices() {
        match c {
            '-' | '+' if i == 0 => {}
            '.' if !dot => dot = true,
            '0'..='9' => {}
            _ => break,
        }
        end = i + c.len_utf8();
    }
    Some((s[..end].parse().ok()?, &s[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rings_are_written_compactly_and_read_back() {
        let cases: [(&[[i64; 2]], &str); 4] = [
            (&[[123, 456], [135, 452], [165, 452]], "M12.3 45.6l1.2-.4 3 0z"),
            (&[[0, -5], [-10, -5], [-10, 20]], "M0-.5l-1 0 0 2.5z"),
            (&[[7, 7]], "M.7 .7z"),
            (&[], ""),
        ];
        for (ring, d) in cases {
            let mut out = String::new();
            write_ring(&mut out, ring);
            assert_eq!(out, d);
            if !ring.is_empty() {
                assert_eq!(parse(&out), Some(vec![units(ring)]), "{d}");
            }
        }
        assert_eq!(
            parse("M1 2L3 4 5 6ZM1 1l1 0 0 1z"),
            Some(vec![vec![[1., 2.], [3., 4.], [5., 6.]], vec![[1., 1.], [2., 1.], [2., 2.]]])
        );
        assert_eq!(parse("M1 2C3 4 5 6"), None);
    }

    #[test]
    fn rounding_removes_repeated_points_and_orienting_fixes_the_winding() {
        let mut ring = round(&[[0.01, 0.0], [0.0, 0.04], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]);
        assert_eq!(ring, vec![[0, 0], [10, 0], [10, 10], [0, 10]]);
        orient(&mut ring, true);
        assert!(geometry::signed_area(&units(&ring)) > 0.0);
        orient(&mut ring, false);
        assert!(geometry::signed_area(&units(&ring)) < 0.0);
        assert_eq!(tenths(-0.04), 0);
        assert_eq!(tenths(f64::NAN), 0);
    }
}
