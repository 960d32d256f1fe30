//! Group grocery ordering (社区团购): shops approved per community (`merchants.rs`) publish
//! campaigns (`campaigns.rs`); households order before the cut-off (`orders.rs`); at the
//! cut-off each campaign forms or is cancelled (`cut_off.rs`); formed orders are handed
//! over with a pickup code, from a picking list (`picking.rs`). The rules are plain
//! functions (`rules.rs`); the SQL is in `storage.rs`.

pub mod campaigns;
pub mod cut_off;
pub mod merchants;
pub mod orders;
pub mod picking;
pub mod rules;
pub mod storage;

use utoipa_axum::router::OpenApiRouter;

use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().merge(merchants::router()).merge(campaigns::router()).merge(orders::router())
}
