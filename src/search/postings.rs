//! Owns the text form of posting lists: which documents hold a stem,
//! written as compact ASCII for JSON. Pure functions; the search page's
//! script decodes the same form (`decodePostings` in
//! `themes/default/static/search.js`).
//!
//! A list of increasing document numbers is written as the first number
//! then each gap minus one. Each number is written in base 32, most
//! significant digit first, with the characters of [`DIGITS`]: a digit from
//! the first half ends the number, a digit from the second half (value plus
//! 32) is followed by more digits. So `00C7` lists documents 0, 1 (gap 1,
//! written 0) and 201 (gap 200, written as 199 = 6 × 32 + 7: `C7`). A list
//! holding at least a sixth of the documents is written in the shortest of
//! this form and two others: `!` followed by the list of the documents *not*
//! in it, or `~` followed by a bitmap, six documents per character of
//! [`DIGITS`] (the character's index; its bit 0 is the first of the six),
//! trailing empty characters left out.

/// Digits of the posting lists: values 0–31 end a number, 32–63 continue it.
const DIGITS: &[u8; 64] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

/// Writes the sorted document numbers `list` out of `total` documents in
/// the form described at the top of the file.
pub(crate) fn encode(list: &[u32], total: u32) -> String {
    let gaps = |mut out: String, list: &mut dyn Iterator<Item = u32>| {
        let mut previous = None;
        for n in list {
            push_number(&mut out, previous.map_or(n, |p| n - p - 1));
            previous = Some(n);
        }
        out
    };
    let listed = gaps(String::new(), &mut list.iter().copied());
    if list.len() * 6 < total as usize {
        return listed;
    }
    // A frequent term: the shortest of the list, the list of documents
    // without it, and a bitmap.
    let mut bitmap = vec![0u8; (total as usize).div_ceil(6)];
    for &n in list {
        bitmap[n as usize / 6] |= 1 << (n % 6);
    }
    let mut holders = list.iter().copied().peekable();
    let complement = gaps(String::from("!"), &mut (0..total).filter(|n| holders.next_if_eq(n).is_none()));
    let used = bitmap.iter().rposition(|&bits| bits != 0).map_or(0, |last| last + 1);
    let bitmap = std::iter::once('~').chain(bitmap[..used].iter().map(|&bits| char::from(DIGITS[usize::from(bits)])));
    [listed, complement, bitmap.collect()].into_iter().min_by_key(String::len).unwrap_or_default()
}

/// Appends `n` in base 32 with the continuation digits of [`DIGITS`].
fn push_number(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 7];
    let mut start = digits.len();
    let mut last = true;
    loop {
        start -= 1;
        digits[start] = DIGITS[(n % 32) as usize + if last { 0 } else { 32 }];
        last = false;
        n /= 32;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[start..].iter().map(|&b| char::from(b)));
}

/// The tests' own reader of posting lists, shared with the integration tests.
#[cfg(test)]
#[path = "../../tests/common/postings.rs"]
mod reader;

#[cfg(test)]
mod tests {
    use super::reader::decode;
    use super::*;

    #[test]
    fn postings_round_trip_through_gaps_long_numbers_complements_and_bitmaps() {
        let cases: &[(&[u32], u32, &str)] = &[
            (&[0], 10, "0"),
            (&[0, 1, 2], 100, "000"),
            (&[0, 1, 2], 10, "~7"),
            (&[0, 2, 4, 6, 8], 12, "~l5"),
            (&[0, 1, 2, 3, 4, 5, 7, 8, 9, 10], 30, "~_u"),
            (&[3, 7, 11], 18, "333"),
            (&[0, 1, 201], 1000, "00C7"),
            (&[31, 32, 393], 1000, "v0H8"),
            (&[100_000], 200_000, "zxR0"),
            (&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 10, "!"),
            (&[0, 1, 2, 3, 5, 6, 7, 8, 9], 10, "!4"),
        ];
        for (list, total, written) in cases {
            let text = encode(list, *total);
            assert_eq!(text, *written, "{list:?}");
            assert_eq!(decode(&text, *total), *list, "{list:?} written {text}");
        }
    }
}
