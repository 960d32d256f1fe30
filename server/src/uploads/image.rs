//! Re-encoding of uploaded photos: decode, turn upright, shrink, encode afresh. Nothing of
//! the original file but its pixels survives, so no EXIF block (GPS position, camera,
//! owner name) can leak through a photo a resident shares.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use linli_api::uploads::{MAX_SOURCE_SIDE, STORED_SIDE};

const JPEG_QUALITY: u8 = 85;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    #[error("not a JPEG, PNG or WebP image")]
    NotAnImage,
    #[error("image sides beyond {MAX_SOURCE_SIDE} px")]
    TooLarge,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reencoded {
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// The photo as it will be stored: JPEG, or PNG when it has transparency.
pub fn reencode(original: &[u8]) -> Result<Reencoded, ImageError> {
    let format = image::guess_format(original).map_err(|_| ImageError::NotAnImage)?;
    if !matches!(format, ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) {
        return Err(ImageError::NotAnImage);
    }
    let reader = || ImageReader::with_format(Cursor::new(original), format);
    let (width, height) = reader().into_dimensions().map_err(|_| ImageError::NotAnImage)?;
    if width > MAX_SOURCE_SIDE || height > MAX_SOURCE_SIDE {
        return Err(ImageError::TooLarge);
    }
    let mut reader = reader();
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SOURCE_SIDE);
    limits.max_image_height = Some(MAX_SOURCE_SIDE);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| ImageError::NotAnImage)?;
    // Phones store photos sideways and say so in EXIF; the stored copy has no EXIF, so it
    // must be turned upright now.
    let orientation = decoder.orientation().map_err(|_| ImageError::NotAnImage)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|_| ImageError::NotAnImage)?;
    picture.apply_orientation(orientation);
    if picture.width() > STORED_SIDE || picture.height() > STORED_SIDE {
        picture = picture.resize(STORED_SIDE, STORED_SIDE, FilterType::Triangle);
    }
    let mut bytes = Vec::new();
    let content_type = if picture.color().has_alpha() {
        picture.to_rgba8().write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png).map_err(|_| ImageError::NotAnImage)?;
        "image/png"
    } else {
        let encoder = JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY);
        picture.to_rgb8().write_with_encoder(encoder).map_err(|_| ImageError::NotAnImage)?;
        "image/jpeg"
    };
    Ok(Reencoded { content_type, bytes, width: picture.width(), height: picture.height() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage, Rgba, RgbaImage};

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = Vec::new();
        let picture = RgbImage::from_pixel(width, height, Rgb([200, 80, 40]));
        picture.write_with_encoder(JpegEncoder::new_with_quality(&mut bytes, 90)).unwrap();
        bytes
    }

    /// A JPEG with an EXIF block: orientation 6 (turn 90° clockwise) and a GPS marker.
    fn jpeg_with_exif(width: u32, height: u32) -> Vec<u8> {
        let mut tiff = b"II*\0\x08\0\0\0".to_vec();
        tiff.extend_from_slice(&1u16.to_le_bytes()); // one entry
        tiff.extend_from_slice(&0x0112u16.to_le_bytes()); // Orientation
        tiff.extend_from_slice(&3u16.to_le_bytes()); // SHORT
        tiff.extend_from_slice(&1u32.to_le_bytes());
        tiff.extend_from_slice(&[6, 0, 0, 0]);
        tiff.extend_from_slice(&0u32.to_le_bytes()); // no next IFD
        tiff.extend_from_slice(b"GPSLatitude 31.2304N 121.4737E");
        let mut segment = b"Exif\0\0".to_vec();
        segment.extend_from_slice(&tiff);
        let plain = jpeg(width, height);
        let mut with_exif = plain[..2].to_vec(); // SOI
        with_exif.extend_from_slice(&[0xFF, 0xE1]);
        with_exif.extend_from_slice(&((segment.len() + 2) as u16).to_be_bytes());
        with_exif.extend_from_slice(&segment);
        with_exif.extend_from_slice(&plain[2..]);
        with_exif
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|window| window == needle)
    }

    #[test]
    fn location_metadata_is_gone_and_the_photo_is_upright() {
        let original = jpeg_with_exif(40, 20);
        assert!(contains(&original, b"GPSLatitude"));
        let stored = reencode(&original).unwrap();
        assert!(!contains(&stored.bytes, b"Exif"), "an EXIF block survived");
        assert!(!contains(&stored.bytes, b"GPSLatitude"), "the location survived");
        assert_eq!((stored.width, stored.height), (20, 40), "orientation 6 turns it upright");
        assert_eq!(stored.content_type, "image/jpeg");
    }

    #[test]
    fn large_photos_shrink_to_the_stored_side() {
        let stored = reencode(&jpeg(STORED_SIDE * 2, STORED_SIDE)).unwrap();
        assert_eq!((stored.width, stored.height), (STORED_SIDE, STORED_SIDE / 2));
    }

    #[test]
    fn transparency_is_kept_as_png() {
        let mut bytes = Vec::new();
        RgbaImage::from_pixel(8, 8, Rgba([0, 0, 0, 0])).write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png).unwrap();
        assert_eq!(reencode(&bytes).unwrap().content_type, "image/png");
    }

    #[test]
    fn other_files_and_truncated_images_are_refused() {
        assert_eq!(reencode(b"%PDF-1.7 not a photo"), Err(ImageError::NotAnImage));
        assert_eq!(reencode(b"GIF89a\x01\x00\x01\x00"), Err(ImageError::NotAnImage));
        let photo = jpeg(64, 64);
        assert_eq!(reencode(&photo[..photo.len() / 3]), Err(ImageError::NotAnImage));
    }

    #[test]
    fn a_giant_is_refused_before_decoding() {
        let mut bytes = Vec::new();
        let too_wide = RgbImage::from_pixel(MAX_SOURCE_SIDE + 1, 1, Rgb([0, 0, 0]));
        too_wide.write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png).unwrap();
        assert_eq!(reencode(&bytes), Err(ImageError::TooLarge));
    }
}
