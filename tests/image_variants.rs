//! What is made of an image besides its responsive set: the 1200×630 crop
//! sharing sites show (`og:image`, moved by a `focus`), the files themes
//! ask for with `resize_image`, the warnings of `check` about images too
//! small for where they are shown or too heavy, and the cache that spares
//! a later build the encoding. Every image is made by the test itself and
//! read back with the `image` crate's decoders.

mod common;

use std::io::Cursor;

use common::{SITE_TOML, Site};
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};

/// A JPEG whose top half is red and bottom half blue.
fn red_over_blue(width: u32, height: u32) -> Vec<u8> {
    let image =
        RgbImage::from_fn(width, height, |_, y| if y < height / 2 { Rgb([210, 20, 20]) } else { Rgb([20, 20, 210]) });
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(image).write_to(&mut Cursor::new(&mut out), ImageFormat::Jpeg).unwrap();
    out
}

/// A JPEG of noise, which compresses badly.
fn noise(width: u32, height: u32) -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let image = RgbImage::from_fn(width, height, |_, _| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        Rgb([state as u8, (state >> 8) as u8, (state >> 16) as u8])
    });
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(image).write_to(&mut Cursor::new(&mut out), ImageFormat::Jpeg).unwrap();
    out
}

fn news(id: &str, image: &str) -> (String, String) {
    (
        format!("content/news/{id}.fr.md"),
        format!("---\ntitle: Nouvelle {id}\ndate: 2026-02-06\nimage:\n  src: /images/{image}\n  alt: Une photo\n"),
    )
}

/// The output path of an absolute URL of the site.
fn output_path(url: &str) -> String {
    let path = url.strip_prefix("https://example.org/prog/").or_else(|| url.strip_prefix("/prog/"));
    path.unwrap_or_else(|| panic!("{url} is not under the site's base path")).to_string()
}

fn read_image(site: &Site, path: &str) -> DynamicImage {
    image::load_from_memory(&std::fs::read(site.output(path)).unwrap()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn a_news_image_is_cropped_to_1200_by_630_for_sharing_around_its_focus() {
    let (top_path, top) = news("haut", "tall.jpg");
    let (bottom_path, bottom) = news("bas", "tall.jpg");
    let site = Site::new(&[
        (&top_path, &format!("{top}  focus: top\n---\nTexte.\n")),
        (&bottom_path, &format!("{bottom}  focus: center 90%\n---\nTexte.\n")),
    ]);
    site.write_bytes("static/images/tall.jpg", &red_over_blue(1300, 1400));
    site.build_ok();
    for (page, red) in [("fr/actualites/haut/index.html", true), ("fr/actualites/bas/index.html", false)] {
        let html = site.html(page);
        let meta = |property: &str| html.attrs(&format!("meta[property='{property}']"), "content");
        assert_eq!(meta("og:image:width"), ["1200"], "{page}");
        assert_eq!(meta("og:image:height"), ["630"], "{page}");
        assert_eq!(meta("og:image:alt"), ["Une photo"], "{page}");
        let path = output_path(&meta("og:image")[0]);
        assert!(path.starts_with("images/tall-") && path.ends_with("-1200x630.jpg"), "{path}");
        let crop = read_image(&site, &path).to_rgb8();
        assert_eq!(crop.dimensions(), (1200, 630), "{path}");
        let centre = crop.get_pixel(600, 315).0;
        assert_eq!(centre[0] > 150, red, "{page}: the focus decides what the crop keeps ({centre:?})");
    }
    assert!(!site.exists("images/tall.jpg"), "the original is not published");
}

#[test]
fn an_unreadable_focus_is_an_error_where_it_is_written() {
    let (path, text) = news("flou", "port.jpg");
    let site = Site::new(&[(&path, &format!("{text}  focus: middle\n---\nTexte.\n"))]);
    site.write_bytes("static/images/port.jpg", &red_over_blue(64, 64));
    let run = site.build(&[]);
    assert_eq!(
        run.diagnostics(),
        [
            "content/news/flou.fr.md:7:10: cannot read the focus 'middle' of the image\n  hint: write where the subject is, as in CSS: top, bottom, left, right, center, two of them (\"top left\"), or percentages from the left then from the top (\"30% 20%\")"
        ]
    );
}

/// A site whose shortcode `thumb` and footer ask for resized images.
fn resizing_site(footer_call: &str) -> Site {
    let footer = format!(
        "{{% set r = resize_image({footer_call}) %}}<footer><img class=\"foot\" src=\"{{{{ r.url }}}}\" width=\"{{{{ r.width }}}}\" height=\"{{{{ r.height }}}}\" alt=\"\"></footer>\n"
    );
    let thumb = "{% set r = resize_image(path=src, width=100, height=100, op=\"fill\", format=\"webp\") %}\
                 <img class=\"thumb\" src=\"{{ r.url }}\" width=\"{{ r.width }}\" height=\"{{ r.height }}\" data-orig=\"{{ r.orig_width }}x{{ r.orig_height }}\" alt=\"\">";
    let site = Site::new(&[
        ("templates/partials/footer.html", &footer),
        ("templates/shortcodes/thumb.html", thumb),
        ("content/pages/photos.fr.md", "---\ntitle: Photos\n---\n{{ thumb(src=\"/images/port.jpg\") }}\n"),
    ]);
    site.write_bytes("static/images/port.jpg", &red_over_blue(400, 200));
    site
}

#[test]
fn resize_image_gives_themes_a_fitted_or_filled_file_with_its_size() {
    let site = resizing_site("path=\"images/only-footer.jpg\", width=50");
    site.write_bytes("static/images/only-footer.jpg", &red_over_blue(400, 200));
    site.build_ok();
    let html = site.html("fr/photos/index.html");
    let foot = html.attrs("img.foot", "src").remove(0);
    assert!(foot.starts_with("/prog/images/only-footer-") && foot.ends_with("-50x25.jpg"), "{foot}");
    assert_eq!(
        (html.attrs("img.foot", "width"), html.attrs("img.foot", "height")),
        (vec!["50".into()], vec!["25".into()])
    );
    assert_eq!(read_image(&site, &output_path(&foot)).to_rgb8().dimensions(), (50, 25));
    let thumb = html.attrs("img.thumb", "src").remove(0);
    assert!(thumb.ends_with("-100x100.webp"), "{thumb}");
    assert_eq!(html.attrs("img.thumb", "data-orig"), ["400x200"]);
    let bytes = std::fs::read(site.output(&output_path(&thumb))).unwrap();
    assert_eq!(image::guess_format(&bytes).unwrap(), ImageFormat::WebP);
    let filled = image::load_from_memory(&bytes).unwrap().to_rgb8();
    assert_eq!(filled.dimensions(), (100, 100));
    // Cropped in the middle: red above, blue below.
    assert!(filled.get_pixel(50, 10).0[0] > 150 && filled.get_pixel(50, 90).0[2] > 150);
    assert!(!site.exists("images/port.jpg"), "the original is not published");
    // Only templates show this one.
    assert!(!site.exists("images/only-footer.jpg"), "an original only a template shows is not published");
    // Every page has the footer: one file, however many pages ask for it.
    assert_eq!(site.files().iter().filter(|f| f.ends_with("-50x25.jpg")).count(), 1);
}

#[test]
fn resize_image_reports_a_missing_file_or_a_bad_argument_in_the_template() {
    for (call, expected) in [
        (
            "path=\"/images/prot.jpg\", width=50",
            "templates/partials/footer.html:1:12: image not found: /images/prot.jpg (did you mean '/images/port.jpg'?)",
        ),
        (
            "path=\"/images/port.jpg\", width=50, op=\"crop\"",
            "templates/partials/footer.html:1:12: resize_image: op must be \"fit\" or \"fill\", not \"crop\"",
        ),
        (
            "path=\"/images/port.jpg\", width=50, op=\"fill\"",
            "templates/partials/footer.html:1:12: resize_image needs a width or a height, and op=\"fill\" needs both",
        ),
        (
            "path=\"/images/port.jpg\", width=0",
            "templates/partials/footer.html:1:12: resize_image: width must be a whole number of pixels from 1 to 20000, not 0",
        ),
    ] {
        let site = resizing_site(call);
        let run = site.build(&[]);
        assert_eq!(run.code, 1, "{call}");
        let diagnostics = run.diagnostics();
        assert!(diagnostics[0].starts_with(expected), "{call}:\n{}", diagnostics.join("\n"));
    }
}

#[test]
fn check_warns_about_images_smaller_than_where_they_are_shown_and_heavier_than_the_budget() {
    let (path, text) = news("petite", "small.jpg");
    let site = Site::new(&[
        ("site.toml", &format!("{SITE_TOML}\n[images]\nbudget_kb = 20\n")),
        (&path, &format!("{text}---\nTexte.\n")),
        ("content/pages/bruit.fr.md", "---\ntitle: Bruit\n---\n![Du bruit](/images/noise.jpg)\n"),
        (
            "templates/partials/footer.html",
            "{% set r = resize_image(path=\"/images/small.jpg\", width=800) %}<footer><img src=\"{{ r.url }}\" alt=\"\"></footer>\n",
        ),
    ]);
    site.write_bytes("static/images/small.jpg", &red_over_blue(300, 600));
    site.write_bytes("static/images/noise.jpg", &noise(400, 300));
    site.build_ok();
    let run = site.run(&["check"]);
    let warnings: Vec<String> = common::diagnostics_in(&run.stdout)
        .into_iter()
        .filter(|d| d.contains("small.jpg") || d.contains("noise.jpg"))
        .collect();
    let at = "content/news/petite.fr.md:5:9";
    assert_eq!(warnings.len(), 4, "{warnings:#?}");
    assert_eq!(
        warnings[..3],
        [
            format!(
                "{at}: warning: a template asks for image /images/small.jpg at 800×1600 pixels, but it is only 300×600: it is published at its own size, not enlarged\n  hint: use a larger original, or ask resize_image for a smaller size"
            ),
            format!(
                "{at}: warning: image /images/small.jpg is 300×600 pixels but the theme shows it up to 736 pixels wide: it will look blurred\n  hint: use an original at least 736 pixels wide"
            ),
            format!(
                "{at}: warning: image /images/small.jpg is 300×600 pixels: too small for the 1200×630 image sharing sites show (og:image)\n  hint: use an original at least 1200 pixels wide and 630 high"
            ),
        ]
    );
    let heavy = &warnings[3];
    assert!(
        heavy.starts_with("content/pages/bruit.fr.md:4:14: warning: image /images/noise.jpg still weighs ")
            && heavy.contains(" KB once processed (/images/noise-")
            && heavy.contains(".webp), over the budget of 20 KB\n  hint: crop it to its subject"),
        "{heavy}"
    );
}

#[test]
fn a_later_build_encodes_nothing_and_a_replaced_image_leaves_nothing_behind_in_the_cache() {
    let (path, text) = news("port", "port.jpg");
    let site = Site::new(&[(&path, &format!("{text}---\nTexte.\n"))]);
    site.write_bytes("static/images/port.jpg", &red_over_blue(640, 480));
    let images_line =
        |run: &common::Run| run.stdout.lines().find(|l| l.starts_with("images shown")).map(str::to_string);
    // The responsive set and the sharing crop.
    let first = site.build_ok();
    assert_eq!(
        images_line(&first).as_deref(),
        Some("images shown: 1; encoded now: 2; taken from .passerelle-cache/: 0")
    );
    let second = site.build_ok();
    assert_eq!(
        images_line(&second).as_deref(),
        Some("images shown: 1; encoded now: 0; taken from .passerelle-cache/: 2")
    );
    let cache = site.root().join(".passerelle-cache/images");
    let folders = || std::fs::read_dir(&cache).unwrap().flatten().filter(|e| e.path().is_dir()).count();
    assert_eq!(folders(), 2);
    site.write_bytes("static/images/port.jpg", &red_over_blue(640, 400));
    let third = site.build_ok();
    assert_eq!(
        images_line(&third).as_deref(),
        Some("images shown: 1; encoded now: 2; taken from .passerelle-cache/: 0")
    );
    assert_eq!(folders(), 2, "what the old image gave is removed from the cache");
    let fr = site.run_fr(&["build"]);
    let line = fr.stdout.lines().find(|l| l.starts_with("images")).unwrap().to_string();
    assert_eq!(
        line,
        "images montrées\u{a0}: 1\u{a0}; encodées maintenant\u{a0}: 0\u{a0}; reprises de .passerelle-cache/\u{a0}: 2"
    );
}
