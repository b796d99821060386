//! `static/` (issue 12): files copied as they are, at the same paths, with the checks of
//! the site's own pages; collisions refused; photos shipped without their metadata.

mod sites;
use sites::{build_clean, build_fails, small_site, write};

#[test]
fn static_files_are_copied_at_the_same_paths_hidden_folders_too() {
    let site = small_site();
    write(
        site.path(),
        "static/leaflets/advice.pdf",
        b"%PDF-1.4 leaflet",
    );
    write(
        site.path(),
        "static/.well-known/security.txt",
        "Contact: mailto:security@small.example.org\n",
    );
    write(
        site.path(),
        "static/map.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>\n",
    );
    build_clean(site.path());
    for (file, bytes) in [
        ("leaflets/advice.pdf", &b"%PDF-1.4 leaflet"[..]),
        (
            ".well-known/security.txt",
            b"Contact: mailto:security@small.example.org\n",
        ),
        (
            "map.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>\n",
        ),
    ] {
        assert_eq!(
            std::fs::read(site.path().join("public").join(file)).unwrap(),
            bytes,
            "{file}"
        );
    }
}

#[test]
fn a_script_in_a_static_page_is_refused() {
    let site = small_site();
    write(
        site.path(),
        "static/x.html",
        "<!doctype html>\n<p>Hi</p>\n<script>alert(1)</script>\n",
    );
    assert_eq!(
        build_fails(site.path()),
        "static/x.html:3:1: error: inline <script> is not allowed: the security policy blocks it\n  help: move the code into a file in templates/assets/ and load it with <script src=...>\n\nThe site was not built: 1 problem to fix.\n"
    );
}

#[test]
fn a_static_program_is_refused() {
    let site = small_site();
    write(
        site.path(),
        "static/tracker.js",
        "fetch('https://evil.example')\n",
    );
    assert_eq!(
        build_fails(site.path()),
        "static/tracker.js:1:1: error: a `.js` file would run as code, and only the theme's own scripts may run\n  help: remove it from static/; behaviour belongs in templates/assets/\n\nThe site was not built: 1 problem to fix.\n"
    );
}

/// A segment of a JPEG: its marker, then its length and contents.
fn segment(marker: u8, contents: &[u8]) -> Vec<u8> {
    let mut s = vec![0xFF, marker];
    s.extend_from_slice(&u16::try_from(contents.len() + 2).unwrap().to_be_bytes());
    s.extend_from_slice(contents);
    s
}

/// An EXIF block (little-endian TIFF) whose GPS directory puts the photo at 51°30'N
/// 0°7'W: the kind of location a phone writes into every photo.
fn exif_with_gps() -> Vec<u8> {
    let entry = |tag: u16, kind: u16, count: u32, value: u32| {
        let mut e = tag.to_le_bytes().to_vec();
        e.extend(kind.to_le_bytes());
        e.extend(count.to_le_bytes());
        e.extend(value.to_le_bytes());
        e
    };
    let mut tiff = b"II*\0".to_vec();
    tiff.extend(8u32.to_le_bytes());
    // IFD0 at 8: one entry, the GPS directory's offset (26).
    tiff.extend(1u16.to_le_bytes());
    tiff.extend(entry(0x8825, 4, 1, 26));
    tiff.extend(0u32.to_le_bytes());
    // The GPS directory at 26: latitude and longitude, with their references.
    tiff.extend(4u16.to_le_bytes());
    let rationals = 26 + 2 + 4 * 12 + 4;
    tiff.extend(entry(1, 2, 2, u32::from_le_bytes(*b"N\0\0\0")));
    tiff.extend(entry(2, 5, 3, rationals));
    tiff.extend(entry(3, 2, 2, u32::from_le_bytes(*b"W\0\0\0")));
    tiff.extend(entry(4, 5, 3, rationals + 24));
    tiff.extend(0u32.to_le_bytes());
    for (n, d) in [(51, 1), (30, 1), (0, 1), (0, 1), (7, 1), (0, 1)] {
        tiff.extend(u32::to_le_bytes(n));
        tiff.extend(u32::to_le_bytes(d));
    }
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend(tiff);
    exif
}

/// A real baseline JPEG: an 8x8 grey square (one DC and one AC Huffman code, both "0"),
/// whose only scan is the byte 0x3F. `metadata` goes after its JFIF header.
fn grey_jpeg(metadata: &[Vec<u8>]) -> Vec<u8> {
    let mut jpeg = vec![0xFF, 0xD8];
    jpeg.extend(segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
    for m in metadata {
        jpeg.extend_from_slice(m);
    }
    let mut dqt = vec![0];
    dqt.extend([1; 64]);
    jpeg.extend(segment(0xDB, &dqt));
    jpeg.extend(segment(0xC0, &[8, 0, 8, 0, 8, 1, 1, 0x11, 0]));
    let mut dht = Vec::new();
    for class in [0x00, 0x10] {
        dht.push(class);
        dht.extend([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    }
    jpeg.extend(segment(0xC4, &dht));
    jpeg.extend(segment(0xDA, &[1, 1, 0x00, 0, 63, 0]));
    jpeg.extend([0x3F, 0xFF, 0xD9]);
    jpeg
}

#[test]
fn a_photos_location_and_comments_are_removed_and_its_picture_kept_byte_for_byte() {
    let site = small_site();
    let exif = segment(0xE1, &exif_with_gps());
    let comment = segment(0xFE, b"Taken at 12 Acacia Avenue");
    let photo = grey_jpeg(&[exif.clone(), comment]);
    assert!(photo.windows(6).any(|w| w == b"Exif\0\0"));
    write(site.path(), "static/images/photo.jpg", &photo);
    // A photo beside its page (a bundle) is cleaned the same way.
    write(
        site.path(),
        "content/story/index.md",
        "---\ntitle: A story\n---\n![A grey square](photo.JPEG)\n",
    );
    write(site.path(), "content/story/photo.JPEG", &photo);
    build_clean(site.path());
    for shipped in ["images/photo.jpg", "story/photo.JPEG"] {
        let bytes = std::fs::read(site.path().join("public").join(shipped)).unwrap();
        assert_eq!(bytes, grey_jpeg(&[]), "{shipped} keeps exactly the picture");
    }
}

#[test]
fn a_png_loses_its_text_exif_and_time_chunks() {
    use img_parts::png::{Png, PngChunk};
    use img_parts::Bytes;
    let chunk = |kind: &[u8; 4], data: &[u8]| PngChunk::new(*kind, Bytes::copy_from_slice(data));
    // A 1x1 grey pixel: IHDR, one IDAT (zlib of filter 0, value 0x80), IEND.
    let ihdr = [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0];
    let idat = [
        0x78, 0x01, 0x01, 0x02, 0x00, 0xFD, 0xFF, 0x00, 0x80, 0x00, 0x81, 0x00, 0x81,
    ];
    let picture = [
        chunk(b"IHDR", &ihdr),
        chunk(b"gAMA", &[0, 0, 0xB1, 0x8F]),
        chunk(b"IDAT", &idat),
        chunk(b"IEND", &[]),
    ];
    let encode = |chunks: Vec<PngChunk>| {
        let mut png = Png::from_bytes(Bytes::from_static(b"\x89PNG\r\n\x1a\n")).unwrap();
        *png.chunks_mut() = chunks;
        png.encoder().bytes().to_vec()
    };
    let mut with_metadata = picture.to_vec();
    with_metadata.insert(1, chunk(b"eXIf", &exif_with_gps()[6..]));
    with_metadata.insert(2, chunk(b"tEXt", b"Location\0Acacia Avenue"));
    with_metadata.insert(3, chunk(b"tIME", &[7, 234, 11, 28, 9, 30, 0]));
    let site = small_site();
    write(site.path(), "static/pixel.png", encode(with_metadata));
    build_clean(site.path());
    let shipped = std::fs::read(site.path().join("public/pixel.png")).unwrap();
    assert_eq!(shipped, encode(picture.to_vec()));
}
