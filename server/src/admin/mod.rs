//! Setting communities up, for the street office's administrator (`routes`: in the app)
//! and for whoever runs the server (`cli`: `linli-server community create`, `staff add`,
//! `import`). Both go through the same functions, so a community made on the command line
//! is the same as one made in the app.

pub mod cli;
pub mod routes;

use chrono::{DateTime, Utc};
use linli_api::admin::NewCommunity;
use linli_api::community::CommunityInfo;
use linli_api::validate;
use sqlx::AnyConnection;

use crate::community::storage as community;
use crate::error::{AppError, AppResult};

/// Checks and creates a community, inside the caller's transaction.
pub async fn create_community(conn: &mut AnyConnection, request: &NewCommunity, now: DateTime<Utc>) -> AppResult<CommunityInfo> {
    let (checked, utc_offset_minutes) = validate::admin::new_community(request).map_err(AppError::Invalid)?;
    if community::community_named(&mut *conn, &checked.name).await? {
        return Err(AppError::CommunityExists);
    }
    let id = community::insert_community(&mut *conn, &checked.name, &checked.service_phone, utc_offset_minutes, now).await?;
    Ok(CommunityInfo { id, name: checked.name, service_phone: checked.service_phone, utc_offset_minutes })
}
