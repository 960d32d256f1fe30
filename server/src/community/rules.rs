//! Invite codes: short, unambiguous when read aloud or typed, and shown as a QR code.

use qrcode::render::svg;
use qrcode::QrCode;
use rand::Rng;

/// How long an invite code works.
pub const INVITE_DAYS: i64 = 14;
/// How many people may register with one household's code.
pub const INVITE_MAX_USES: i64 = 6;

/// No 0/O, 1/I/L: elderly residents read codes off paper.
const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LENGTH: usize = 8;

/// A fresh code in its stored form, e.g. `K7PM4XQ2` (about 40 bits).
pub fn new_invite_code(rng: &mut impl Rng) -> String {
    (0..CODE_LENGTH).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect()
}

/// What people type (`k7pm-4xq2`, spaces, dashes) to the stored form.
pub fn normalize_invite_code(raw: &str) -> String {
    raw.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect()
}

/// The form shown to people: `K7PM-4XQ2`.
pub fn display_invite_code(code: &str) -> String {
    if code.len() == CODE_LENGTH {
        format!("{}-{}", &code[..4], &code[4..])
    } else {
        code.to_owned()
    }
}

/// The code as a QR code, a self-contained SVG document.
pub fn qr_svg(text: &str) -> String {
    match QrCode::new(text.as_bytes()) {
        Ok(code) => code.render::<svg::Color<'_>>().min_dimensions(200, 200).quiet_zone(true).build(),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_only_unambiguous_characters() {
        let mut rng = rand::thread_rng();
        for _ in 0..200 {
            let code = new_invite_code(&mut rng);
            assert_eq!(code.len(), CODE_LENGTH);
            assert!(code.bytes().all(|b| ALPHABET.contains(&b)), "{code}");
            assert!(!code.contains(['0', 'O', '1', 'I', 'L']));
        }
    }

    #[test]
    fn typed_codes_normalise_to_the_stored_form() {
        assert_eq!(normalize_invite_code(" k7pm-4xq2 "), "K7PM4XQ2");
        assert_eq!(display_invite_code("K7PM4XQ2"), "K7PM-4XQ2");
        assert_eq!(normalize_invite_code(&display_invite_code("K7PM4XQ2")), "K7PM4XQ2");
    }

    #[test]
    fn the_qr_code_is_an_svg_document() {
        let svg = qr_svg("K7PM4XQ2");
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
    }
}
