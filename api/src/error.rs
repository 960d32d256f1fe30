//! Errors as data: a stable code, optionally the field it concerns.
//!
//! The server answers every failure as `{"error":{"code":"…","field":…}}`. The code is
//! stable and has a Fluent message `error-<code with dashes>` in every locale, so the app
//! shows a sentence in the resident's language, never a stack trace.

use serde::{Deserialize, Serialize};

macro_rules! error_codes {
    ($($(#[$doc:meta])* $variant:ident = $code:literal),* $(,)?) => {
        /// Every error the server or the client can report.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorCode {
            $($(#[$doc])* $variant,)*
        }

        impl ErrorCode {
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The wire form, e.g. `invalid_phone`.
            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$variant => $code,)* }
            }
        }
    };
}

error_codes! {
    /// The body is not JSON, or a field has the wrong type.
    MalformedBody = "malformed_body",
    /// The body is larger than the server accepts.
    PayloadTooLarge = "payload_too_large",
    /// The body is not `application/json`.
    UnsupportedMediaType = "unsupported_media_type",
    /// A query string parameter has the wrong type or range.
    InvalidQuery = "invalid_query",
    /// A required field is empty.
    FieldRequired = "field_required",
    /// A field is longer than allowed.
    FieldTooLong = "field_too_long",
    /// A field holds a value outside what is allowed.
    InvalidValue = "invalid_value",
    /// Not a mainland mobile number.
    InvalidPhone = "invalid_phone",
    /// The password is shorter than eight characters.
    PasswordTooShort = "password_too_short",
    /// Registration needs consent to the privacy policy.
    ConsentRequired = "consent_required",
    /// The invite code is unknown, expired or used up.
    InviteInvalid = "invite_invalid",
    /// The family code is unknown, expired or already used.
    FamilyCodeInvalid = "family_code_invalid",
    /// A family code cannot link a person to themselves.
    FamilySelf = "family_self",
    /// The family link does not (or no longer) allow doing this for that person.
    NotPermitted = "not_permitted",
    /// The help request is already closed.
    HelpClosed = "help_closed",
    /// The vote has not opened yet.
    VoteNotOpen = "vote_not_open",
    /// The vote has closed; ballots are no longer taken.
    VoteClosed = "vote_closed",
    /// This vote counts the first ballot; it cannot be changed.
    BallotFinal = "ballot_final",
    /// The person may not vote on this (e.g. an owners' vote and they are not an owner).
    NotEligible = "not_eligible",
    /// The proposal no longer takes support: it lapsed or went to a vote.
    SupportClosed = "support_closed",
    /// The topic's vote is still open; the follow-up comes after it.
    VoteStillOpen = "vote_still_open",
    /// The topic already has its vote.
    TopicHasVote = "topic_has_vote",
    /// The upload is not a JPEG, PNG or WebP image, or cannot be read as one.
    NotAnImage = "not_an_image",
    /// The image's width or height is beyond what is accepted.
    ImageTooLarge = "image_too_large",
    /// More of a product than one household may order, or fewer than one.
    OverLimit = "over_limit",
    /// Not enough of a product is left for this order.
    SoldOut = "sold_out",
    /// The campaign no longer takes or changes orders: past its cut-off, or withdrawn.
    OrdersClosed = "orders_closed",
    /// Staff paused the campaign; orders are taken again when they resume it.
    CampaignPaused = "campaign_paused",
    /// The shop has not been approved for the community (yet).
    MerchantNotApproved = "merchant_not_approved",
    /// No order of the merchant's campaigns has this pickup code.
    PickupCodeInvalid = "pickup_code_invalid",
    /// The order was already handed over.
    AlreadyPickedUp = "already_picked_up",
    /// The campaign has not formed, so there is nothing to hand over.
    NotFormed = "not_formed",
    /// Another volunteer claimed the wish first.
    WishTaken = "wish_taken",
    /// The wish changed meanwhile (approved, claimed, closed…), so this no longer applies.
    WishChanged = "wish_changed",
    /// A wisher cannot claim their own wish.
    OwnWish = "own_wish",
    /// The problem report changed meanwhile (accepted, resolved…), so this no longer applies.
    ReportChanged = "report_changed",
    /// Another handler accepted the case first.
    ReportTaken = "report_taken",
    /// The time to reopen a resolved case has passed.
    ReopenTooLate = "reopen_too_late",
    /// The claim ran out before it was fulfilled; the wish is back on the board.
    ClaimExpired = "claim_expired",
    /// Not a resident identity card number: 18 characters, a real birth date, the right check character.
    InvalidIdNumber = "invalid_id_number",
    /// Every place in the slot is taken.
    SlotFull = "slot_full",
    /// Not a slot one can book: not in the schedule, a closed day, past, or too far ahead.
    SlotUnavailable = "slot_unavailable",
    /// Booking is paused for a while after repeated no-shows.
    BookingPaused = "booking_paused",
    /// The resident already has an open booking of this service.
    AlreadyBooked = "already_booked",
    /// Too close to the slot to cancel; please phone the service centre.
    CancelTooLate = "cancel_too_late",
    /// Not the code of this service's desk.
    DeskCodeInvalid = "desk_code_invalid",
    /// No booking of this service today has this code.
    BookingCodeInvalid = "booking_code_invalid",
    /// Check-in opens an hour before the slot and closes when it ends.
    NotCheckInTime = "not_check_in_time",
    /// The booking changed meanwhile (approved, cancelled, checked in…), so this no longer applies.
    BookingChanged = "booking_changed",
    /// Nobody is waiting to be called.
    QueueEmpty = "queue_empty",
    /// A community of this name is already on the server.
    CommunityExists = "community_exists",
    /// The ledger file is neither CSV (UTF-8 or GB18030) nor an Excel workbook.
    LedgerUnreadable = "ledger_unreadable",
    /// The ledger has no header row naming the building, room and floor area columns; `field` names the first missing one.
    LedgerColumnsMissing = "ledger_columns_missing",
    /// The ledger has a header row but no households.
    LedgerEmpty = "ledger_empty",
    /// The ledger lists more households than one import takes (20,000); import it building by building.
    LedgerTooManyRows = "ledger_too_many_rows",
    /// The register changed while this import ran; preview the file again.
    RegisterChanged = "register_changed",
    /// The account is disabled (or its resident moved out); staff can re-enable it.
    AccountDisabled = "account_disabled",
    /// The reset code is wrong, used or expired.
    ResetCodeInvalid = "reset_code_invalid",
    /// The current password given is not the account's password.
    WrongPassword = "wrong_password",
    /// An account with this phone number exists.
    PhoneTaken = "phone_taken",
    /// Wrong phone number or password (deliberately not saying which).
    InvalidCredentials = "invalid_credentials",
    /// Too many failed sign-ins; wait and try again.
    TooManyAttempts = "too_many_attempts",
    /// No session, or it expired or was signed out.
    Unauthenticated = "unauthenticated",
    /// Signed in, but this role may not do this.
    Forbidden = "forbidden",
    /// Nothing with this id in the caller's community.
    NotFound = "not_found",
    /// The route exists but not with this method.
    MethodNotAllowed = "method_not_allowed",
    /// The server took too long.
    Timeout = "timeout",
    /// Something failed on the server; nothing was changed.
    Internal = "internal",
    /// Client side: the server could not be reached.
    Network = "network",
    /// Client side: the server answered something this app does not understand.
    UnexpectedResponse = "unexpected_response",
}

impl ErrorCode {
    /// The Fluent message id for this code.
    pub fn message_id(self) -> String {
        format!("error-{}", self.as_str().replace('_', "-"))
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error object inside [`ErrorBody`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub code: ErrorCode,
    /// The request field the error concerns, when there is one.
    #[serde(default)]
    pub field: Option<String>,
}

impl ApiError {
    pub fn new(code: ErrorCode) -> Self {
        Self { code, field: None }
    }

    pub fn on_field(code: ErrorCode, field: impl Into<String>) -> Self {
        Self { code, field: Some(field.into()) }
    }
}

/// Every non-2xx response body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ApiError,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_form_matches_serde() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }

    #[test]
    fn message_ids_use_dashes() {
        assert_eq!(ErrorCode::InvalidPhone.message_id(), "error-invalid-phone");
    }
}
