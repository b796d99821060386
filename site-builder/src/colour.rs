//! Colours for branding: WCAG 2 contrast, and a passing shade found in a perceptual space.
//!
//! Contrast is WCAG's relative luminance ratio, `(L1 + 0.05) / (L2 + 0.05)`. A passing
//! shade keeps the colour's hue and chroma in OKLCH and moves only its lightness, so it
//! looks like the same colour, darker (or lighter).

use std::fmt;

/// An sRGB colour, as written in `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The contrast WCAG 1.4.3 asks of normal text: 4.5:1.
pub const TEXT_CONTRAST: f64 = 4.5;

pub const WHITE: Rgb = Rgb(255, 255, 255);

impl Rgb {
    /// `#rrggbb` or `#rgb`, in either case.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
        let pair = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => Some(Rgb(pair(0)?, pair(2)?, pair(4)?)),
            _ => None,
        }
    }

    /// WCAG 2's relative luminance, from 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let [r, g, b] = self.linear();
        0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    fn linear(self) -> [f64; 3] {
        [self.0, self.1, self.2].map(|c| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        })
    }

    fn from_linear([r, g, b]: [f64; 3]) -> Rgb {
        let encode = |c: f64| {
            let c = c.clamp(0.0, 1.0);
            let c = if c <= 0.003_130_8 {
                12.92 * c
            } else {
                1.055 * c.powf(1.0 / 2.4) - 0.055
            };
            (c * 255.0).round() as u8
        };
        Rgb(encode(r), encode(g), encode(b))
    }

    /// The colour with its OKLab lightness multiplied by `factor`, hue and chroma kept
    /// (and then brought into sRGB).
    pub fn with_lightness(self, factor: f64) -> Rgb {
        let [l, a, b] = oklab(self.linear());
        Rgb::from_linear(linear_from_oklab([(l * factor).clamp(0.0, 1.0), a, b]))
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// WCAG 2's contrast ratio between two colours, from 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The nearest shade of `colour` (same hue and chroma, another lightness) whose contrast
/// with `against` is at least `ratio`: darker when `against` is the lighter one.
pub fn passing_shade(colour: Rgb, against: Rgb, ratio: f64) -> Rgb {
    let darken = against.luminance() >= colour.luminance();
    let [l, a, b] = oklab(colour.linear());
    let shade = |t: f64| {
        let lightness = if darken {
            l * (1.0 - t)
        } else {
            l + (1.0 - l) * t
        };
        Rgb::from_linear(linear_from_oklab([lightness, a, b]))
    };
    // The smallest move that passes; contrast grows as the lightness moves away.
    let (mut low, mut high) = (0.0, 1.0);
    for _ in 0..40 {
        let mid = (low + high) / 2.0;
        if contrast(shade(mid), against) >= ratio {
            high = mid;
        } else {
            low = mid;
        }
    }
    // Rounding to whole sRGB values can fall just short: step on until it passes.
    let mut t = high;
    while contrast(shade(t), against) < ratio && t < 1.0 {
        t = (t + 0.005).min(1.0);
    }
    shade(t)
}

/// Linear sRGB to OKLab (Björn Ottosson's matrices).
fn oklab([r, g, b]: [f64; 3]) -> [f64; 3] {
    let l = (0.412_221_470_8 * r + 0.536_332_536_3 * g + 0.051_445_992_9 * b).cbrt();
    let m = (0.211_903_498_2 * r + 0.680_699_545_1 * g + 0.107_396_956_6 * b).cbrt();
    let s = (0.088_302_461_9 * r + 0.281_718_837_6 * g + 0.629_978_700_5 * b).cbrt();
    [
        0.210_454_255_3 * l + 0.793_617_785_0 * m - 0.004_072_046_8 * s,
        1.977_998_495_1 * l - 2.428_592_205_0 * m + 0.450_593_709_9 * s,
        0.025_904_037_1 * l + 0.782_771_766_2 * m - 0.808_675_766_0 * s,
    ]
}

fn linear_from_oklab([l, a, b]: [f64; 3]) -> [f64; 3] {
    let l_ = (l + 0.396_337_777_4 * a + 0.215_803_757_3 * b).powi(3);
    let m_ = (l - 0.105_561_345_8 * a - 0.063_854_172_8 * b).powi(3);
    let s_ = (l - 0.089_484_177_5 * a - 1.291_485_548_0 * b).powi(3);
    [
        4.076_741_662_1 * l_ - 3.307_711_591_3 * m_ + 0.230_969_929_2 * s_,
        -1.268_438_004_6 * l_ + 2.609_757_401_1 * m_ - 0.341_319_396_5 * s_,
        -0.004_196_086_3 * l_ - 0.703_418_614_7 * m_ + 1.707_614_701_0 * s_,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_follows_wcag() {
        assert_eq!(contrast(WHITE, Rgb(0, 0, 0)), 21.0);
        assert_eq!(contrast(WHITE, WHITE), 1.0);
        // The well-known pair: #767676 is the lightest grey that passes on white.
        assert!(contrast(Rgb::parse("#767676").unwrap(), WHITE) >= 4.5);
        assert!(contrast(Rgb::parse("#777").unwrap(), WHITE) < 4.5);
        // GOV.UK's link blue, published as 5.17:1 on white.
        let blue = contrast(Rgb::parse("#1D70B8").unwrap(), WHITE);
        assert!((blue - 5.17).abs() < 0.01, "{blue}");
    }

    #[test]
    fn colours_are_read_as_written() {
        assert_eq!(Rgb::parse("#1d70b8"), Some(Rgb(0x1d, 0x70, 0xb8)));
        assert_eq!(Rgb::parse("#fd0"), Some(Rgb(0xff, 0xdd, 0x00)));
        assert_eq!(Rgb(0x1d, 0x70, 0xb8).to_string(), "#1d70b8");
        for bad in ["1d70b8", "#1d70b", "#ggg", "blue", "#1d70b8ff", ""] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_passing_shade_passes_and_keeps_close_to_the_colour() {
        for text in [
            "#7fb3e0", "#ffdd00", "#9b59b6", "#ff0000", "#cccccc", "#00ff00",
        ] {
            let colour = Rgb::parse(text).unwrap();
            let shade = passing_shade(colour, WHITE, TEXT_CONTRAST);
            let ratio = contrast(shade, WHITE);
            assert!(ratio >= 4.5, "{text} -> {shade}: {ratio}");
            assert!(
                ratio < 4.8,
                "{text} -> {shade} darkens further than needed: {ratio}"
            );
        }
        // On a dark background, it lightens.
        let navy = Rgb::parse("#1d3557").unwrap();
        let light = passing_shade(Rgb::parse("#3a5a8c").unwrap(), navy, TEXT_CONTRAST);
        assert!(light.luminance() > navy.luminance() && contrast(light, navy) >= 4.5);
    }

    #[test]
    fn lightness_round_trips_through_oklab() {
        for colour in [
            Rgb(0x1d, 0x70, 0xb8),
            Rgb(0, 0, 0),
            WHITE,
            Rgb(0xd4, 0x35, 0x1c),
        ] {
            assert_eq!(colour.with_lightness(1.0), colour);
        }
        assert!(
            Rgb(0x1d, 0x70, 0xb8).with_lightness(0.8).luminance()
                < Rgb(0x1d, 0x70, 0xb8).luminance()
        );
    }
}
