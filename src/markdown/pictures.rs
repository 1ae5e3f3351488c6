//! Images a body shows: `![alt](/images/photo.jpg "title")` naming a
//! raster image of the site becomes a `<picture>` with its WebP and
//! fallback renditions, its pixel size and its alternative text, loading
//! lazily. An SVG or an image of another host stays as written; an image
//! the site does not have, or cannot show, is a problem where it is
//! written. The first image of a page (a picture, a figure) loads at once.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{Input, Problem, Resolver, Shown, Spanned, plain_text, problem_at};

pub(super) fn show_pictures(
    events: &mut Vec<Spanned>,
    input: &Input,
    resolver: &dyn Resolver,
    problems: &mut Vec<Problem>,
) {
    let mut i = 0;
    while i < events.len() {
        let (Event::Start(Tag::Image { dest_url, title, .. }), range) = &events[i] else {
            i += 1;
            continue;
        };
        let (url, title, range) = (dest_url.to_string(), title.to_string(), range.clone());
        // The alternative text may hold images of its own (as text).
        let mut depth = 0usize;
        let end = events[i..].iter().position(|(event, _)| {
            match event {
                Event::Start(Tag::Image { .. }) => depth += 1,
                Event::End(TagEnd::Image) => depth -= 1,
                _ => {}
            }
            depth == 0
        });
        let Some(end) = end.map(|p| i + p) else { break };
        let shown = resolver.picture(&url);
        if let Some((message, hint)) = shown.problem(&url) {
            problems.push(problem_at(input, range.start, message, Some(hint)));
        }
        if let Shown::Picture(picture) = shown {
            let alt = plain_text(&events[i + 1..end]);
            let html = picture.html(&alt, &title);
            events.splice(i..=end, [(Event::InlineHtml(html.into()), range)]);
        } else {
            i = end;
        }
        i += 1;
    }
}

/// Makes the first image of a body load at once: it is likely in view
/// when the page opens, where waiting for layout would only delay it.
pub(super) fn load_first_at_once(html: &mut String) {
    let Some(start) = memchr::memmem::find(html.as_bytes(), b"<img ") else { return };
    let end = html[start..].find('>').map_or(html.len(), |e| start + e);
    let tag = html[start..end].replace(" loading=\"lazy\"", "").replace(" decoding=\"async\"", "");
    html.replace_range(start..end, &tag);
}

#[cfg(test)]
mod tests {
    use crate::markdown::testing::{html_in, render_in};

    #[test]
    fn images_of_the_site_become_pictures_and_the_first_loads_at_once() {
        let html = html_in(
            "en",
            "![A \"map\"](/images/photo.jpg \"Title\")\n\n![Again](/images/photo.jpg) ![Logo](/logo.svg)\n",
        );
        assert_eq!(
            html,
            "<p><picture><source type=\"image/webp\" srcset=\"/prog/images/photo-0a1b2c3d-480.webp 480w, \
             /prog/images/photo-0a1b2c3d-800.webp 800w\" sizes=\"100vw\"><img src=\"/prog/images/photo-0a1b2c3d-800.jpg\" \
             srcset=\"/prog/images/photo-0a1b2c3d-480.jpg 480w, /prog/images/photo-0a1b2c3d-800.jpg 800w\" \
             sizes=\"100vw\" width=\"800\" height=\"600\" alt=\"A &quot;map&quot;\" title=\"Title\"></picture></p>\n\
             <p><picture><source type=\"image/webp\" srcset=\"/prog/images/photo-0a1b2c3d-480.webp 480w, \
             /prog/images/photo-0a1b2c3d-800.webp 800w\" sizes=\"100vw\"><img src=\"/prog/images/photo-0a1b2c3d-800.jpg\" \
             srcset=\"/prog/images/photo-0a1b2c3d-480.jpg 480w, /prog/images/photo-0a1b2c3d-800.jpg 800w\" \
             sizes=\"100vw\" width=\"800\" height=\"600\" alt=\"Again\" loading=\"lazy\" decoding=\"async\"></picture> \
             <img src=\"/logo.svg\" alt=\"Logo\" /></p>\n"
        );
    }

    #[test]
    fn a_missing_image_is_a_problem_where_it_is_written() {
        let rendered = render_in("en", "Text\n\nSee ![gone](/images/gone.jpg)\n");
        let problems: Vec<(usize, usize, &str)> =
            rendered.problems.iter().map(|p| (p.line, p.col, p.message.as_str())).collect();
        assert_eq!(problems, [(3, 5, "image not found: /images/gone.jpg")]);
    }
}
