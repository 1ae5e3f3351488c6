//! A reader of the search index's posting lists written apart from the
//! encoder, as `decodePostings` in `themes/default/static/search.js` reads
//! them (format in `src/search/postings.rs`). The integration tests use it
//! through `common`, the encoder's unit tests by path.

/// The document numbers `text` lists out of `total` documents.
pub fn decode(text: &str, total: u32) -> Vec<u32> {
    const DIGITS: &str = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
    let digit = |c: char| DIGITS.find(c).expect("a posting digit") as u32;
    if let Some(bitmap) = text.strip_prefix('~') {
        let bits = |(i, c)| (0..6).filter(move |bit| digit(c) >> bit & 1 == 1).map(move |bit| i as u32 * 6 + bit);
        return bitmap.chars().enumerate().flat_map(bits).collect();
    }
    let (negated, text) = text.strip_prefix('!').map_or((false, text), |rest| (true, rest));
    let (mut list, mut n, mut previous) = (Vec::new(), 0, None::<u32>);
    for c in text.chars() {
        let value = digit(c);
        n = n * 32 + value % 32;
        if value < 32 {
            let doc = previous.map_or(n, |p| p + n + 1);
            list.push(doc);
            previous = Some(doc);
            n = 0;
        }
    }
    if negated { (0..total).filter(|d| !list.contains(d)).collect() } else { list }
}
