//! The micro-wish board's calls.

use reqwest::Method;

use super::{Client, ClientResult};
use crate::ids::WishId;
use crate::wishes::{
    ClaimWish, ConfirmWish, FulfilWish, NewWish, ReviewWish, ThanksNote, VolunteerRecord, Wish, WishBoard, WishBoardQuery, WishRules,
    WishSummary, WithdrawWish,
};

impl Client {
    /// Posts a wish (for the resident acted for, with [`Client::acting_for`]).
    pub async fn post_wish(&self, wish: &NewWish) -> ClientResult<Wish> {
        self.send(self.request(Method::POST, "/wishes").json(wish)).await
    }

    /// A page of the board: approved wishes, filtered by category and state.
    pub async fn wish_board(&self, query: &WishBoardQuery) -> ClientResult<WishBoard> {
        let mut params: Vec<(&str, String)> = Vec::new();
        if let Some(category) = query.category {
            params.push(("category", category.as_str().to_owned()));
        }
        if let Some(state) = query.state {
            params.push(("state", state.as_str().to_owned()));
        }
        if let Some(after) = &query.after {
            params.push(("after", after.clone()));
        }
        if let Some(limit) = query.limit {
            params.push(("limit", limit.to_string()));
        }
        self.send(self.request(Method::GET, "/wishes").query(&params)).await
    }

    /// The wishes the caller (or the resident acted for) posted, in every state.
    pub async fn my_wishes(&self) -> ClientResult<Vec<WishSummary>> {
        self.send(self.request(Method::GET, "/wishes/mine")).await
    }

    /// The wishes the caller claimed as a volunteer and has not yet seen closed.
    pub async fn claimed_wishes(&self) -> ClientResult<Vec<WishSummary>> {
        self.send(self.request(Method::GET, "/wishes/claimed")).await
    }

    /// Staff: wishes waiting for approval, with the wisher's contact.
    pub async fn wishes_to_review(&self) -> ClientResult<Vec<Wish>> {
        self.send(self.request(Method::GET, "/wishes/review")).await
    }

    pub async fn wish(&self, id: WishId) -> ClientResult<Wish> {
        self.send(self.request(Method::GET, &format!("/wishes/{id}"))).await
    }

    pub async fn review_wish(&self, id: WishId, review: &ReviewWish) -> ClientResult<Wish> {
        self.send(self.request(Method::POST, &format!("/wishes/{id}/review")).json(review)).await
    }

    pub async fn claim_wish(&self, id: WishId, claim: &ClaimWish) -> ClientResult<Wish> {
        self.send(self.request(Method::POST, &format!("/wishes/{id}/claim")).json(claim)).await
    }

    pub async fn release_wish(&self, id: WishId) -> ClientResult<Wish> {
        self.send(self.request(Method::POST, &format!("/wishes/{id}/release"))).await
    }

    pub async fn fulfil_wish(&self, id: WishId, fulfilment: &FulfilWish) -> ClientResult<Wish> {
        self.send(self.request(Method::POST, &format!("/wishes/{id}/fulfil")).json(fulfilment)).await
    }

    pub async fn confirm_wish(&self, id: WishId, confirmation: &ConfirmWish) -> ClientResult<Wish> {
        self.send(self.request(Method::POST, &format!("/wishes/{id}/confirm")).json(confirmation)).await
    }

    pub async fn withdraw_wish(&self, id: WishId, withdrawal: &WithdrawWish) -> ClientResult<Wish> {
        self.send(self.request(Method::POST, &format!("/wishes/{id}/withdraw")).json(withdrawal)).await
    }

    pub async fn wish_rules(&self) -> ClientResult<WishRules> {
        self.send(self.request(Method::GET, "/wishes/rules")).await
    }

    pub async fn set_wish_rules(&self, rules: &WishRules) -> ClientResult<WishRules> {
        self.send(self.request(Method::PUT, "/wishes/rules").json(rules)).await
    }

    pub async fn volunteer_record(&self) -> ClientResult<VolunteerRecord> {
        self.send(self.request(Method::GET, "/wishes/volunteers")).await
    }

    pub async fn thanks_wall(&self) -> ClientResult<Vec<ThanksNote>> {
        self.send(self.request(Method::GET, "/wishes/thanks")).await
    }
}
