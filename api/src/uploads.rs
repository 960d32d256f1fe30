//! Uploaded images. The server decodes every upload and stores a re-encoded copy, so no
//! metadata (EXIF location above all) survives, whatever the phone put in the file.

use serde::{Deserialize, Serialize};

use crate::ids::UploadId;

/// The largest upload accepted, in bytes (a phone photo is 2-6 MB).
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// Images wider or taller than this are refused rather than decoded.
pub const MAX_SOURCE_SIDE: u32 = 12_000;
/// Stored copies are scaled down to fit this side.
pub const STORED_SIDE: u32 = 1_600;
/// The content types accepted.
pub const ACCEPTED_TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];

/// A stored image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Upload {
    pub id: UploadId,
    /// The stored copy's type: `image/jpeg`, or `image/png` when it has transparency.
    pub content_type: String,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
}
