//! Images are shipped without their metadata: a photo's EXIF can say where it was taken
//! (GPS), when, and on which phone, and a thumbnail in it can show what was cropped out.
//! On a site for people being stalked, that is a safety risk.
//!
//! Nothing is re-encoded: the picture's own data is copied byte for byte, and only the
//! metadata around it is left out.
//! - JPEG is walked here, segment by segment: the frame, tables, scans and colour
//!   profile are kept; EXIF, XMP, IPTC, comments, other application data and anything
//!   after the end of the image (phones append a second picture there, with its own
//!   EXIF) are not. (img-parts keeps what follows the first scan, so it is not used for
//!   JPEG.)
//! - PNG and WebP are read with img-parts, which checks their structure; only chunks
//!   that affect how the picture looks are kept.
//! - Formats whose metadata cannot be removed without re-encoding (TIFF, HEIC, AVIF,
//!   camera raw) are refused.

use img_parts::png::Png;
use img_parts::webp::{WebP, CHUNK_EXIF, CHUNK_XMP};
use img_parts::Bytes;

/// Why an image is not shipped.
#[derive(Debug, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub help: &'static str,
}

/// Photo formats that carry metadata which cannot be removed without re-encoding.
const REFUSED: [&str; 10] = [
    "tif", "tiff", "heic", "heif", "avif", "dng", "cr2", "nef", "arw", "orf",
];

const RESAVE: &str = "export it again as JPEG or PNG from an image editor, then build again";

/// Whether files with this extension (lower case) are images that may carry metadata:
/// those [`without_metadata`] cleans or refuses.
pub fn is_image(extension: &str) -> bool {
    matches!(extension, "jpg" | "jpeg" | "png" | "webp") || REFUSED.contains(&extension)
}

/// The image's bytes without metadata, for a file with this extension (lower case);
/// `None` for a file that is not an image with metadata to remove (a PDF, an SVG, a GIF).
pub fn without_metadata(extension: &str, bytes: &[u8]) -> Result<Option<Vec<u8>>, Refusal> {
    let unreadable = |kind: &str| {
        Refusal {
        message: format!("this {kind} cannot be read, so its metadata (such as where a photo was taken) cannot be removed"),
        help: RESAVE,
    }
    };
    match extension {
        "jpg" | "jpeg" => jpeg(bytes).map(Some).ok_or_else(|| unreadable("JPEG image")),
        "png" => png(bytes).map(Some).ok_or_else(|| unreadable("PNG image")),
        "webp" => webp(bytes).map(Some).ok_or_else(|| unreadable("WebP image")),
        other if REFUSED.contains(&other) => Err(Refusal {
            message: format!("a `.{other}` image can hold where and when it was taken, which the build cannot remove from this kind of file"),
            help: "export it as JPEG or PNG: the build removes their metadata",
        }),
        _ => Ok(None),
    }
}

/// A JPEG without metadata, or `None` if it is not a well-formed JPEG.
fn jpeg(bytes: &[u8]) -> Option<Vec<u8>> {
    const SOS: u8 = 0xDA;
    const EOI: u8 = 0xD9;
    let rest = bytes.strip_prefix(&[0xFF, 0xD8])?;
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&[0xFF, 0xD8]);
    let mut at = 0;
    loop {
        if *rest.get(at)? != 0xFF {
            return None;
        }
        while *rest.get(at)? == 0xFF {
            at += 1; // fill bytes before a marker
        }
        let marker = rest[at];
        at += 1;
        if marker == EOI {
            out.extend_from_slice(&[0xFF, EOI]);
            return Some(out);
        }
        if matches!(marker, 0x01 | 0xD0..=0xD7) {
            out.extend_from_slice(&[0xFF, marker]); // markers with no length
            continue;
        }
        let length = usize::from(u16::from_be_bytes([*rest.get(at)?, *rest.get(at + 1)?]));
        let contents = rest.get(at + 2..at + length.checked_sub(2)? + 2)?;
        at += length;
        if let Some(contents) = kept(marker, contents) {
            out.extend_from_slice(&[0xFF, marker]);
            out.extend_from_slice(&u16::try_from(contents.len() + 2).ok()?.to_be_bytes());
            out.extend_from_slice(&contents);
        }
        if marker == SOS {
            // The scan's data runs to the next marker: 0xFF followed by anything but a
            // stuffed zero or a restart marker.
            let data = rest[at..]
                .windows(2)
                .position(|w| w[0] == 0xFF && !matches!(w[1], 0x00 | 0xD0..=0xD7))?;
            out.extend_from_slice(&rest[at..at + data]);
            at += data;
        }
    }
}

/// A JPEG segment as it is shipped, or `None` for metadata.
fn kept(marker: u8, contents: &[u8]) -> Option<Vec<u8>> {
    match marker {
        // JFIF, without the thumbnail it may carry: 14 bytes, with no thumbnail size.
        0xE0 if contents.starts_with(b"JFIF\0") && contents.len() >= 14 => {
            let mut jfif = contents[..14].to_vec();
            jfif[12..14].copy_from_slice(&[0, 0]);
            Some(jfif)
        }
        // The colour profile, and Adobe's colour transform: both change how it looks.
        0xE2 if contents.starts_with(b"ICC_PROFILE\0") => Some(contents.to_vec()),
        0xEE if contents.starts_with(b"Adobe") => Some(contents.to_vec()),
        // Every other application segment (EXIF and XMP are APP1) and comments.
        0xE0..=0xEF | 0xFE => None,
        _ => Some(contents.to_vec()),
    }
}

/// The chunks that change how a PNG looks (and its animation); the rest are text,
/// EXIF, times and private data.
const PNG_KEPT: [&[u8; 4]; 15] = [
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT",
    b"cICP", b"pHYs", b"acTL", b"fcTL", b"fdAT",
];

fn png(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut png = Png::from_bytes(Bytes::copy_from_slice(bytes)).ok()?;
    png.chunks_mut()
        .retain(|chunk| PNG_KEPT.contains(&&chunk.kind()));
    Some(png.encoder().bytes().to_vec())
}

fn webp(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut webp = WebP::from_bytes(Bytes::copy_from_slice(bytes)).ok()?;
    webp.remove_chunks_by_id(CHUNK_EXIF);
    webp.remove_chunks_by_id(CHUNK_XMP);
    // img-parts sets the header's flags from the chunks that are left.
    Some(webp.encoder().bytes().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_jpeg_loses_exif_comments_thumbnails_and_what_follows_its_end() {
        let segment = |marker: u8, contents: &[u8]| {
            let mut s = vec![0xFF, marker];
            s.extend_from_slice(&u16::try_from(contents.len() + 2).unwrap().to_be_bytes());
            s.extend_from_slice(contents);
            s
        };
        let jfif = b"JFIF\0\x01\x01\0\0\x01\0\x01\x01\x01\xAA\xBB\xCC";
        let scan = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56];
        let mut input = vec![0xFF, 0xD8];
        input.extend(segment(0xE0, jfif));
        input.extend(segment(0xE1, b"Exif\0\0GPS..."));
        input.extend(segment(0xE2, b"ICC_PROFILE\0\x01\x01data"));
        input.extend(segment(0xFE, b"taken at home"));
        input.extend(segment(0xDB, b"\0tables"));
        input.extend(segment(0xDA, b"\x01\x01\0\0?\0"));
        input.extend(scan);
        input.extend([0xFF, 0xD9, 0xFF, 0xD8]);
        input.extend(segment(0xE1, b"Exif\0\0second picture"));

        let mut expected = vec![0xFF, 0xD8];
        expected.extend(segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
        expected.extend(segment(0xE2, b"ICC_PROFILE\0\x01\x01data"));
        expected.extend(segment(0xDB, b"\0tables"));
        expected.extend(segment(0xDA, b"\x01\x01\0\0?\0"));
        expected.extend(scan);
        expected.extend([0xFF, 0xD9]);
        assert_eq!(without_metadata("jpg", &input), Ok(Some(expected)));
    }

    #[test]
    fn broken_images_and_formats_with_fixed_metadata_are_refused() {
        for (extension, bytes) in [
            ("jpg", &b"\xFF\xD8\xFF\xE1\x00\x40Exif"[..]),
            ("jpeg", b"not a jpeg"),
            ("png", b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0"),
            ("heic", b""),
        ] {
            let refusal = without_metadata(extension, bytes).unwrap_err();
            assert!(!refusal.message.is_empty() && !refusal.help.is_empty());
        }
        assert_eq!(without_metadata("pdf", b"%PDF"), Ok(None));
    }
}
