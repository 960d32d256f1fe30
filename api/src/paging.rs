//! Keyset pages, as every list that grows asks for them: after the cursor the previous page
//! ended with, at most `limit` items (1–100, 50 when not said).

use serde::{Deserialize, Serialize};

/// `?after=…&limit=…`: the cursor is opaque, copied from the previous page's `next_after`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct PageQuery {
    #[serde(default)]
    pub after: Option<String>,
    #[serde(default)]
    pub limit: Option<u32>,
}

impl PageQuery {
    pub fn first(limit: Option<u32>) -> Self {
        PageQuery { after: None, limit }
    }

    pub fn after(after: Option<&str>, limit: Option<u32>) -> Self {
        PageQuery { after: after.map(str::to_owned), limit }
    }
}
