//! Images pages show are published resized, as WebP plus a JPEG or PNG
//! fallback, upright, without metadata, and with their true size in the
//! HTML; the original stays private unless a page links to it; a bad image
//! is a diagnostic at the place that shows it. Every image here is made by
//! the test itself.

mod common;

use std::io::Cursor;

use common::{SITE_TOML, Site};
use image::{DynamicImage, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};

/// site.toml with small widths, so the test images stay small.
fn site_toml() -> String {
    format!("{SITE_TOML}\n[images]\nwidths = [100, 150, 300]\nquality = 70\n")
}

/// A landscape photo as JPEG, `width`×`height`, left half red.
fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let image =
        RgbImage::from_fn(width, height, |x, _| if x < width / 2 { Rgb([200, 30, 30]) } else { Rgb([30, 30, 200]) });
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(image).write_to(&mut Cursor::new(&mut out), ImageFormat::Jpeg).unwrap();
    out
}

/// A PNG with a transparent left half.
fn transparent_png(width: u32, height: u32) -> Vec<u8> {
    let image =
        RgbaImage::from_fn(
            width,
            height,
            |x, _| if x < width / 2 { Rgba([0, 0, 0, 0]) } else { Rgba([0, 120, 0, 255]) },
        );
    let mut out = Vec::new();
    DynamicImage::ImageRgba8(image).write_to(&mut Cursor::new(&mut out), ImageFormat::Png).unwrap();
    out
}

/// `jpeg` with an EXIF block (orientation `orientation`, a GPS version
/// tag) and an XMP packet, as cameras and phones write them.
fn with_metadata(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    // TIFF header, big-endian; IFD0 at 8 with two entries; GPS IFD at 38.
    let mut tiff: Vec<u8> = b"MM\0\x2a\0\0\0\x08".to_vec();
    tiff.extend([0, 2]);
    tiff.extend([0x01, 0x12, 0, 3, 0, 0, 0, 1]);
    tiff.extend(orientation.to_be_bytes());
    tiff.extend([0, 0]);
    tiff.extend([0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 38]);
    tiff.extend([0, 0, 0, 0]);
    tiff.extend([0, 1]);
    tiff.extend([0, 0, 0, 1, 0, 0, 0, 4, 2, 2, 0, 0]);
    tiff.extend([0, 0, 0, 0]);
    let exif = [b"Exif\0\0".as_slice(), &tiff].concat();
    let xmp =
        [b"http://ns.adobe.com/xap/1.0/\0".as_slice(), b"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF/></x:xmpmeta>"]
            .concat();
    let segment = |payload: &[u8]| {
        let mut s = vec![0xFF, 0xE1];
        s.extend(u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
        s.extend(payload);
        s
    };
    [&jpeg[..2], &segment(&exif), &segment(&xmp), &jpeg[2..]].concat()
}

/// The renditions a `srcset` names: (output path, claimed width).
fn candidates(srcset: &str) -> Vec<(String, u32)> {
    srcset
        .split(", ")
        .map(|candidate| {
            let (url, width) = candidate.split_once(' ').unwrap();
            let path = url.strip_prefix("/prog/").expect("under the base path").to_string();
            (path, width.strip_suffix('w').unwrap().parse().unwrap())
        })
        .collect()
}

fn dimensions(site: &Site, path: &str) -> (u32, u32) {
    let bytes = std::fs::read(site.output(path)).unwrap();
    let image = image::load_from_memory(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    (image.width(), image.height())
}

fn page(body: &str) -> String {
    format!("---\ntitle: Photos\n---\n{body}")
}

#[test]
fn a_photo_turned_by_its_exif_orientation_comes_out_upright_resized_and_without_metadata() {
    let site = Site::new(&[
        ("site.toml", &site_toml()),
        (
            "content/pages/photos.fr.md",
            &page("![Le port](/images/port.jpg)\n\nPuis ![Le port encore](images/port.jpg \"Au soir\")\n"),
        ),
    ]);
    let source = with_metadata(&jpeg(400, 200), 6);
    assert_eq!(
        exif::Reader::new().read_from_container(&mut Cursor::new(&source)).unwrap().fields().count(),
        2,
        "the source carries orientation and GPS"
    );
    site.write_bytes("static/images/port.jpg", &source);
    site.build_ok();
    let html = site.html("fr/photos/index.html");

    // Upright: 200×400 becomes portrait; the widths under its own 200, then 200.
    let webp = html.attrs("picture source", "srcset");
    let fallback = html.attrs("picture img", "srcset");
    assert_eq!(webp.len(), 2);
    assert_eq!(html.attrs("picture source", "type"), ["image/webp", "image/webp"]);
    assert_eq!(html.attrs("picture img", "width"), ["200", "200"]);
    assert_eq!(html.attrs("picture img", "height"), ["400", "400"]);
    assert_eq!(html.attrs("picture img", "alt"), ["Le port", "Le port encore"]);
    assert_eq!(html.attrs("picture img", "title"), ["Au soir"]);
    assert_eq!(html.attrs("picture img", "loading"), ["lazy"], "only the first image loads at once");
    assert_eq!(html.attrs("picture img", "decoding"), ["async"]);
    let src = html.attrs("picture img", "src");
    assert!(src[0].starts_with("/prog/images/port-") && src[0].ends_with("-200.jpg"), "{src:?}");
    let mut files = Vec::new();
    for srcset in webp.iter().chain(&fallback) {
        let listed = candidates(srcset);
        assert_eq!(listed.iter().map(|(_, w)| *w).collect::<Vec<_>>(), [100, 150, 200], "{srcset}");
        for (path, width) in listed {
            assert_eq!(dimensions(&site, &path), (width, width * 2), "{path} is upright at its width");
            files.push(path);
        }
    }
    // The left half (red) is now the top half.
    let top = image::load_from_memory(&std::fs::read(site.output(&files[1])).unwrap()).unwrap().to_rgb8();
    assert!(top.get_pixel(75, 10).0[0] > 150 && top.get_pixel(75, 290).0[2] > 150, "turned clockwise");

    assert!(!site.exists("images/port.jpg"), "the original is not published");
    for path in &files {
        let bytes = std::fs::read(site.output(path)).unwrap();
        assert!(exif::Reader::new().read_from_container(&mut Cursor::new(&bytes)).is_err(), "{path} has EXIF");
        for mark in [b"Exif\0\0".as_slice(), b"http://ns.adobe.com/xap", b"GPS"] {
            assert!(
                !bytes.windows(mark.len()).any(|w| w == mark),
                "{path} carries {:?}",
                String::from_utf8_lossy(mark)
            );
        }
    }
}

#[test]
fn an_image_also_linked_for_download_keeps_its_original() {
    let site = Site::new(&[(
        "content/pages/photos.fr.md",
        &page("![Le port](/images/port.jpg)\n\n[La photo en grand](/images/port.jpg)\n"),
    )]);
    let source = jpeg(64, 32);
    site.write_bytes("static/images/port.jpg", &source);
    site.build_ok();
    assert_eq!(std::fs::read(site.output("images/port.jpg")).unwrap(), source);
    let html = site.html("fr/photos/index.html");
    // Narrower than every width: one rendition, at its own width.
    assert_eq!(candidates(&html.attrs("picture img", "srcset")[0]).iter().map(|(_, w)| *w).collect::<Vec<_>>(), [64]);
    assert_eq!(html.attrs("a", "href").iter().filter(|h| *h == "/prog/images/port.jpg").count(), 1);
}

#[test]
fn a_logo_is_shown_as_a_picture_and_its_original_stays_private() {
    let site = Site::new(&[
        (
            "content/partners/ville.fr.md",
            "---\ntitle: Ville\nkind: municipality\ncountry: FR\nlogo: /images/logo.png\n---\n",
        ),
        ("content/pages/logos.fr.md", &page("![Le logo de la ville](/images/logo.png)\n")),
    ]);
    site.write_bytes("static/images/logo.png", &transparent_png(40, 40));
    site.build_ok();
    assert!(!site.exists("images/logo.png"), "the original is not published");
    let partner = site.html("fr/partenaires/ville/index.html");
    let logo = "img.facts__logo";
    assert_eq!(partner.attrs(logo, "width"), ["40"]);
    assert_eq!(partner.attrs(logo, "sizes"), ["16rem"], "as wide as the theme shows it");
    assert!(partner.attrs(logo, "loading").is_empty(), "the logo is the first image of the page");
    let src = partner.attrs(logo, "src").remove(0);
    assert!(src.starts_with("/prog/images/logo-") && src.ends_with("-40.png"), "{src}");
    assert_eq!(dimensions(&site, &src["/prog/".len()..]), (40, 40));
    assert_eq!(site.html("fr/logos/index.html").attrs("picture img", "src"), [src]);
}

#[test]
fn a_transparent_png_keeps_its_alpha_in_webp_and_falls_back_to_png() {
    let site =
        Site::new(&[("site.toml", &site_toml()), ("content/pages/logo.fr.md", &page("![Logo](/images/logo.png)\n"))]);
    site.write_bytes("static/images/logo.png", &transparent_png(320, 160));
    site.build_ok();
    let html = site.html("fr/logo/index.html");
    let fallback = candidates(&html.attrs("picture img", "srcset")[0]);
    assert_eq!(fallback.iter().map(|(_, w)| *w).collect::<Vec<_>>(), [100, 150, 300]);
    assert!(fallback.iter().all(|(path, _)| path.ends_with(".png")), "{fallback:?}");
    for (path, _) in candidates(&html.attrs("picture source", "srcset")[0]) {
        let image = image::load_from_memory(&std::fs::read(site.output(&path)).unwrap()).unwrap();
        assert!(image.color().has_alpha(), "{path} has alpha");
        let rgba = image.to_rgba8();
        assert!(rgba.get_pixel(2, 2).0[3] < 16 && rgba.get_pixel(image.width() - 3, 2).0[3] > 240, "{path}");
    }
    assert_eq!(dimensions(&site, &fallback[2].0), (300, 150));
}

#[test]
fn the_figure_shortcode_and_a_news_image_show_pictures() {
    let figures = "{{ figure(src=\"images/port.jpg\", alt=\"Le port\", caption=\"Marseille\") }}\n\n\
                   {{ figure(src=\"images/port.jpg\", alt=\"Encore\") }}\n";
    let site = Site::new(&[
        ("site.toml", &site_toml()),
        ("content/pages/photos.fr.md", &page(figures)),
        (
            "content/news/launch.fr.md",
            "---\ntitle: Lancement\ndate: 2026-02-06\nimage:\n  src: /images/port.jpg\n  alt: Le port\n---\nTexte.\n",
        ),
    ]);
    site.write_bytes("static/images/port.jpg", &jpeg(400, 200));
    site.build_ok();
    let figure = site.html("fr/photos/index.html");
    assert_eq!(figure.attrs("figure picture img", "width"), ["300", "300"]);
    assert_eq!(figure.attrs("figure picture img", "height"), ["150", "150"]);
    assert_eq!(figure.attrs("figure picture img", "loading"), ["lazy"], "the first image of the page loads at once");
    assert_eq!(figure.texts("figure figcaption"), ["Marseille"]);
    let news = site.html("fr/actualites/launch/index.html");
    let img = "figure.item-image picture img";
    assert_eq!(news.attrs(img, "alt"), ["Le port"]);
    assert!(news.attrs(img, "loading").is_empty(), "the news image at the top of its page loads at once");
    for (path, width) in candidates(&news.attrs(img, "srcset")[0]) {
        assert_eq!(dimensions(&site, &path), (width, width / 2));
    }
    assert!(!site.exists("images/port.jpg"));
}

#[test]
fn svg_and_images_of_other_hosts_stay_as_written() {
    let site = Site::new(&[
        ("content/pages/logos.fr.md", &page("![Carte](/images/map.svg) ![Ailleurs](https://example.com/a.jpg)\n")),
        ("static/images/map.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
    ]);
    site.build_ok();
    let html = site.html("fr/logos/index.html");
    assert_eq!(html.attrs("img", "src"), ["/images/map.svg", "https://example.com/a.jpg"]);
    assert!(site.exists("images/map.svg"));
}

/// A PNG whose header announces `width`×`height` (pixels never decoded).
fn png_header(width: u32, height: u32) -> Vec<u8> {
    fn crc(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for b in bytes {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
    let chunk = |kind: &[u8], data: &[u8]| {
        let mut out = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
        out.extend(kind);
        out.extend(data);
        out.extend(crc(&[kind, data].concat()).to_be_bytes());
        out
    };
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    [b"\x89PNG\r\n\x1a\n".as_slice(), &chunk(b"IHDR", &ihdr), &chunk(b"IDAT", &[0x78, 0x9c]), &chunk(b"IEND", &[])]
        .concat()
}

#[test]
fn bad_images_are_reported_where_they_are_shown_in_english_and_french() {
    let body = "![Absente](/images/prot.jpg)\n\n![Scan](/images/scan.tiff)\n\n![Texte](/images/notes.jpg)\n\n\
                ![Coupée](/images/cut.png)\n\n![Immense](/images/huge.png)\n";
    let site = Site::new(&[
        ("content/pages/photos.fr.md", &page(body)),
        (
            "content/news/launch.fr.md",
            "---\ntitle: Lancement\ndate: 2026-02-06\nimage:\n  src: /images/ports.jpg\n  alt: Rien\n---\nTexte.\n",
        ),
    ]);
    site.write_bytes("static/images/port.jpg", &jpeg(40, 20));
    site.write_bytes("static/images/scan.tiff", b"II*\0");
    site.write("static/images/notes.jpg", "not a photo");
    let png = transparent_png(64, 64);
    site.write_bytes("static/images/cut.png", &png[..png.len() / 2]);
    site.write_bytes("static/images/huge.png", &png_header(20_000, 10_000));
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.diagnostics(),
        [
            "content/news/launch.fr.md:5:8: image not found: /images/ports.jpg\n  hint: did you mean '/images/port.jpg'?",
            "content/pages/photos.fr.md:4:1: image not found: /images/prot.jpg\n  hint: did you mean '/images/port.jpg'?",
            "content/pages/photos.fr.md:6:1: unsupported image format: /images/scan.tiff\n  hint: use a JPEG, PNG, WebP or GIF image (an SVG is shown as it is)",
            "content/pages/photos.fr.md:8:1: cannot read image /images/notes.jpg: not an image, or a truncated file\n  hint: open the file in an image editor and save it again as JPEG or PNG",
            "content/pages/photos.fr.md:10:1: cannot read image /images/cut.png: not an image, or a truncated file\n  hint: open the file in an image editor and save it again as JPEG or PNG",
            "content/pages/photos.fr.md:12:1: image too large to process safely: /images/huge.png is 20000×10000 pixels\n  hint: reduce it to at most 100 megapixels (a photo for the web needs no more than 3000 pixels across)",
        ]
    );
    let fr = site.run_fr(&["build"]);
    let fr = fr.diagnostics();
    assert_eq!(
        fr[1],
        "content/pages/photos.fr.md:4:1: image introuvable : /images/prot.jpg\n  conseil : vouliez-vous dire « /images/port.jpg » ?"
    );
    assert_eq!(
        fr[5],
        "content/pages/photos.fr.md:12:1: image trop grande pour être traitée sans risque : /images/huge.png mesure 20000 × 10000 pixels\n  conseil : réduisez-la à 100 mégapixels au plus (une photo pour le web n'a pas besoin de plus de 3000 pixels de large)"
    );
}

#[test]
fn a_later_build_takes_the_encoded_images_from_the_cache_folder() {
    let site = Site::new(&[
        ("site.toml", &site_toml()),
        ("content/pages/photos.fr.md", &page("![Le port](/images/port.jpg)\n")),
    ]);
    site.write_bytes("static/images/port.jpg", &jpeg(120, 60));
    site.build_ok();
    let html = site.html("fr/photos/index.html");
    let (webp, _) = candidates(&html.attrs("picture source", "srcset")[0]).remove(0);
    let cache = site.root().join(".passerelle-cache/images");
    let folders: Vec<_> = std::fs::read_dir(&cache).unwrap().flatten().map(|e| e.path()).collect();
    assert_eq!(folders.len(), 1, "one folder per source: {folders:?}");
    assert_eq!(std::fs::read(folders[0].join("0.webp")).unwrap(), std::fs::read(site.output(&webp)).unwrap());
    assert_eq!(std::fs::read_to_string(folders[0].join("meta")).unwrap(), "opaque\n100 50\n120 60\n");

    // What the cache holds is what the next build publishes...
    std::fs::write(folders[0].join("0.webp"), b"cached").unwrap();
    site.build_ok();
    assert_eq!(std::fs::read(site.output(&webp)).unwrap(), b"cached");
    // ...and an incomplete entry is encoded again.
    std::fs::remove_file(folders[0].join("meta")).unwrap();
    std::fs::remove_dir_all(site.root().join("public")).unwrap();
    site.build_ok();
    assert!(std::fs::read(site.output(&webp)).unwrap().starts_with(b"RIFF"));
    assert_eq!(
        std::fs::read_to_string(folders[0].join("meta")).unwrap(),
        "opaque\n100 50\n120 60\n",
        "and stored again"
    );
    assert!(!site.files().iter().any(|f| f.contains("passerelle-cache")), "the cache is not published");
}
