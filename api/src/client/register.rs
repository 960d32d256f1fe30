//! The household register's, accounts' and the administrator's calls.

use reqwest::Method;

use super::{Client, ClientResult};
use crate::admin::{
    AccountEntry, AccountPage, ChangePassword, CommunityOverviewPage, NewAccountRequest, NewCommunity, OneTimeCode, ResetPassword,
};
use crate::auth::Session;
use crate::community::{CommunityInfo, InviteSheet, InviteSheetRequest};
use crate::ids::{CommunityId, HouseholdId, UserId};
use crate::register::{HouseholdChange, HouseholdDetail, ImportSummary, RegisterPage};

impl Client {
    /// What importing this ledger would change (`apply` false), or the import itself.
    /// `content_type` is `text/csv` or the XLSX type.
    pub async fn import_ledger(&self, content_type: &str, bytes: Vec<u8>, apply: bool) -> ClientResult<ImportSummary> {
        let request = self
            .request(Method::POST, "/community/register/import")
            .query(&[("apply", apply)])
            .header(reqwest::header::CONTENT_TYPE, content_type)
            .body(bytes);
        self.send(request).await
    }

    /// A page of the register, after the `next` of the previous page.
    pub async fn register_page(&self, after: Option<&str>, limit: Option<u32>) -> ClientResult<RegisterPage> {
        let mut request = self.request(Method::GET, "/community/register");
        if let Some(after) = after {
            request = request.query(&[("after", after)]);
        }
        if let Some(limit) = limit {
            request = request.query(&[("limit", limit)]);
        }
        self.send(request).await
    }

    /// The whole register as CSV (UTF-8 with a byte-order mark).
    pub async fn register_csv(&self) -> ClientResult<Vec<u8>> {
        self.send_bytes(self.request(Method::GET, "/community/register.csv")).await
    }

    pub async fn household(&self, id: HouseholdId) -> ClientResult<HouseholdDetail> {
        self.send(self.request(Method::GET, &format!("/community/households/{id}"))).await
    }

    pub async fn change_household(&self, id: HouseholdId, change: &HouseholdChange) -> ClientResult<HouseholdDetail> {
        self.send(self.request(Method::PATCH, &format!("/community/households/{id}")).json(change)).await
    }

    pub async fn move_out(&self, resident: UserId) -> ClientResult<()> {
        self.send_empty(self.request(Method::POST, &format!("/community/residents/{resident}/move-out"))).await
    }

    /// A page of printed invite codes (with QR codes) for households awaiting residents.
    pub async fn invite_sheet(&self, request: &InviteSheetRequest) -> ClientResult<InviteSheet> {
        self.send(self.request(Method::POST, "/community/invites/sheet").json(request)).await
    }

    /// The same codes, for the whole building or community, as CSV.
    pub async fn invite_sheet_csv(&self, request: &InviteSheetRequest) -> ClientResult<Vec<u8>> {
        self.send_bytes(self.request(Method::POST, "/community/invites/sheet.csv").json(request)).await
    }

    // --- accounts -------------------------------------------------------------------

    pub async fn accounts(&self, after: Option<&str>) -> ClientResult<AccountPage> {
        let mut request = self.request(Method::GET, "/community/accounts");
        if let Some(after) = after {
            request = request.query(&[("after", after)]);
        }
        self.send(request).await
    }

    pub async fn open_account(&self, account: &NewAccountRequest) -> ClientResult<OneTimeCode> {
        self.send(self.request(Method::POST, "/community/accounts").json(account)).await
    }

    pub async fn disable_account(&self, id: UserId) -> ClientResult<AccountEntry> {
        self.send(self.request(Method::POST, &format!("/community/accounts/{id}/disable"))).await
    }

    pub async fn enable_account(&self, id: UserId) -> ClientResult<AccountEntry> {
        self.send(self.request(Method::POST, &format!("/community/accounts/{id}/enable"))).await
    }

    /// A one-time code for someone who forgot their password (staff).
    pub async fn reset_code(&self, id: UserId) -> ClientResult<OneTimeCode> {
        self.send(self.request(Method::POST, &format!("/community/accounts/{id}/reset-code"))).await
    }

    /// Sets a new password with a code from staff, and signs in.
    pub async fn reset_password(&self, request: &ResetPassword) -> ClientResult<Session> {
        self.send(self.request(Method::POST, "/auth/reset-password").json(request)).await
    }

    pub async fn change_password(&self, request: &ChangePassword) -> ClientResult<()> {
        self.send_empty(self.request(Method::POST, "/me/password").json(request)).await
    }

    pub async fn sign_out_everywhere(&self) -> ClientResult<()> {
        self.send_empty(self.request(Method::POST, "/auth/sign-out-everywhere")).await
    }

    // --- the street office's administrator ------------------------------------------

    pub async fn community_overview(&self, after: Option<CommunityId>, limit: Option<u32>) -> ClientResult<CommunityOverviewPage> {
        let mut request = self.request(Method::GET, "/admin/communities");
        if let Some(after) = after {
            request = request.query(&[("after", after.0)]);
        }
        if let Some(limit) = limit {
            request = request.query(&[("limit", limit)]);
        }
        self.send(request).await
    }

    pub async fn create_community(&self, community: &NewCommunity) -> ClientResult<CommunityInfo> {
        self.send(self.request(Method::POST, "/admin/communities").json(community)).await
    }

    /// A community's first staff account, with its setup code.
    pub async fn open_community_account(&self, community: CommunityId, account: &NewAccountRequest) -> ClientResult<OneTimeCode> {
        self.send(self.request(Method::POST, &format!("/admin/communities/{community}/accounts")).json(account)).await
    }
}
