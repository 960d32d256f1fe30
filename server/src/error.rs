//! The HTTP layer's error: one enum, one mapping to status and code.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use linli_api::{ApiError, ErrorBody, ErrorCode};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Input that parsed but breaks a rule (the checks in `linli_api::validate`).
    #[error("invalid input: {} on {:?}", .0.code, .0.field)]
    Invalid(ApiError),
    #[error("malformed body: {detail}")]
    MalformedBody { detail: String, field: Option<String> },
    #[error("invalid query: {0}")]
    InvalidQuery(String),
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("invite code unknown, expired or used up")]
    InviteInvalid,
    #[error("family code unknown, expired or used")]
    FamilyCodeInvalid,
    #[error("a family code cannot link a person to themselves")]
    FamilySelf,
    #[error("no family link allows this")]
    NotPermitted,
    #[error("help request already closed")]
    HelpClosed,
    #[error("vote not open yet")]
    VoteNotOpen,
    #[error("vote closed")]
    VoteClosed,
    #[error("ballot already final")]
    BallotFinal,
    #[error("not eligible to vote")]
    NotEligible,
    #[error("proposal no longer takes support")]
    SupportClosed,
    #[error("the topic's vote is still open")]
    VoteStillOpen,
    #[error("the topic already has a vote")]
    TopicHasVote,
    #[error("not an image")]
    NotAnImage,
    #[error("image too large")]
    ImageTooLarge,
    #[error("not enough stock")]
    SoldOut,
    #[error("orders closed")]
    OrdersClosed,
    #[error("campaign paused")]
    CampaignPaused,
    #[error("shop not approved")]
    MerchantNotApproved,
    #[error("unknown pickup code")]
    PickupCodeInvalid,
    #[error("already picked up")]
    AlreadyPickedUp,
    #[error("campaign not formed")]
    NotFormed,
    #[error("another volunteer claimed the wish first")]
    WishTaken,
    #[error("the wish changed meanwhile")]
    WishChanged,
    #[error("one's own wish cannot be claimed")]
    OwnWish,
    #[error("the report changed meanwhile")]
    ReportChanged,
    #[error("another handler accepted the report first")]
    ReportTaken,
    #[error("too late to reopen the report")]
    ReopenTooLate,
    #[error("the claim ran out")]
    ClaimExpired,
    #[error("slot full")]
    SlotFull,
    #[error("slot cannot be booked")]
    SlotUnavailable,
    #[error("booking paused after no-shows")]
    BookingPaused,
    #[error("already booked")]
    AlreadyBooked,
    #[error("too late to cancel")]
    CancelTooLate,
    #[error("wrong desk code")]
    DeskCodeInvalid,
    #[error("unknown booking code")]
    BookingCodeInvalid,
    #[error("not check-in time")]
    NotCheckInTime,
    #[error("the booking changed meanwhile")]
    BookingChanged,
    #[error("nobody waiting")]
    QueueEmpty,
    #[error("a community of this name exists")]
    CommunityExists,
    #[error("the ledger cannot be read")]
    LedgerUnreadable,
    #[error("the ledger lacks the column {0}")]
    LedgerColumnsMissing(&'static str),
    #[error("the ledger has no households")]
    LedgerEmpty,
    #[error("the ledger has too many rows")]
    LedgerTooManyRows,
    #[error("the register changed meanwhile")]
    RegisterChanged,
    #[error("account disabled")]
    AccountDisabled,
    #[error("reset code wrong, used or expired")]
    ResetCodeInvalid,
    #[error("wrong current password")]
    WrongPassword,
    #[error("phone number already registered")]
    PhoneTaken,
    #[error("wrong phone or password")]
    InvalidCredentials,
    #[error("too many attempts")]
    TooManyAttempts,
    #[error("not signed in")]
    Unauthenticated,
    #[error("role may not do this")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error("internal: {0}")]
    Internal(String),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn invalid(code: ErrorCode, field: &'static str) -> Self {
        AppError::Invalid(ApiError::on_field(code, field))
    }

    fn status_and_body(&self) -> (StatusCode, ApiError) {
        use AppError::*;
        let plain = ApiError::new;
        match self {
            Invalid(error) => (StatusCode::UNPROCESSABLE_ENTITY, error.clone()),
            MalformedBody { field, .. } => {
                (StatusCode::BAD_REQUEST, ApiError { code: ErrorCode::MalformedBody, field: field.clone() })
            }
            InvalidQuery(_) => (StatusCode::BAD_REQUEST, plain(ErrorCode::InvalidQuery)),
            PayloadTooLarge => (StatusCode::PAYLOAD_TOO_LARGE, plain(ErrorCode::PayloadTooLarge)),
            UnsupportedMediaType => (StatusCode::UNSUPPORTED_MEDIA_TYPE, plain(ErrorCode::UnsupportedMediaType)),
            InviteInvalid => {
                (StatusCode::UNPROCESSABLE_ENTITY, ApiError::on_field(ErrorCode::InviteInvalid, "invite_code"))
            }
            FamilyCodeInvalid => {
                (StatusCode::UNPROCESSABLE_ENTITY, ApiError::on_field(ErrorCode::FamilyCodeInvalid, "code"))
            }
            FamilySelf => (StatusCode::UNPROCESSABLE_ENTITY, ApiError::on_field(ErrorCode::FamilySelf, "code")),
            NotPermitted => (StatusCode::FORBIDDEN, plain(ErrorCode::NotPermitted)),
            HelpClosed => (StatusCode::CONFLICT, plain(ErrorCode::HelpClosed)),
            VoteNotOpen => (StatusCode::CONFLICT, plain(ErrorCode::VoteNotOpen)),
            VoteClosed => (StatusCode::CONFLICT, plain(ErrorCode::VoteClosed)),
            BallotFinal => (StatusCode::CONFLICT, plain(ErrorCode::BallotFinal)),
            NotEligible => (StatusCode::FORBIDDEN, plain(ErrorCode::NotEligible)),
            SupportClosed => (StatusCode::CONFLICT, plain(ErrorCode::SupportClosed)),
            VoteStillOpen => (StatusCode::CONFLICT, plain(ErrorCode::VoteStillOpen)),
            TopicHasVote => (StatusCode::CONFLICT, plain(ErrorCode::TopicHasVote)),
            NotAnImage => (StatusCode::UNPROCESSABLE_ENTITY, plain(ErrorCode::NotAnImage)),
            ImageTooLarge => (StatusCode::UNPROCESSABLE_ENTITY, plain(ErrorCode::ImageTooLarge)),
            SoldOut => (StatusCode::CONFLICT, ApiError::on_field(ErrorCode::SoldOut, "lines")),
            OrdersClosed => (StatusCode::CONFLICT, plain(ErrorCode::OrdersClosed)),
            CampaignPaused => (StatusCode::CONFLICT, plain(ErrorCode::CampaignPaused)),
            MerchantNotApproved => (StatusCode::FORBIDDEN, plain(ErrorCode::MerchantNotApproved)),
            PickupCodeInvalid => (StatusCode::UNPROCESSABLE_ENTITY, ApiError::on_field(ErrorCode::PickupCodeInvalid, "code")),
            AlreadyPickedUp => (StatusCode::CONFLICT, plain(ErrorCode::AlreadyPickedUp)),
            NotFormed => (StatusCode::CONFLICT, plain(ErrorCode::NotFormed)),
            WishTaken => (StatusCode::CONFLICT, plain(ErrorCode::WishTaken)),
            WishChanged => (StatusCode::CONFLICT, plain(ErrorCode::WishChanged)),
            OwnWish => (StatusCode::FORBIDDEN, plain(ErrorCode::OwnWish)),
            ReportChanged => (StatusCode::CONFLICT, plain(ErrorCode::ReportChanged)),
            ReportTaken => (StatusCode::CONFLICT, plain(ErrorCode::ReportTaken)),
            ReopenTooLate => (StatusCode::CONFLICT, plain(ErrorCode::ReopenTooLate)),
            ClaimExpired => (StatusCode::CONFLICT, plain(ErrorCode::ClaimExpired)),
            SlotFull => (StatusCode::CONFLICT, ApiError::on_field(ErrorCode::SlotFull, "slot_starts_at")),
            SlotUnavailable => (StatusCode::UNPROCESSABLE_ENTITY, ApiError::on_field(ErrorCode::SlotUnavailable, "slot_starts_at")),
            BookingPaused => (StatusCode::FORBIDDEN, plain(ErrorCode::BookingPaused)),
            AlreadyBooked => (StatusCode::CONFLICT, plain(ErrorCode::AlreadyBooked)),
            CancelTooLate => (StatusCode::CONFLICT, plain(ErrorCode::CancelTooLate)),
            DeskCodeInvalid => (StatusCode::UNPROCESSABLE_ENTITY, ApiError::on_field(ErrorCode::DeskCodeInvalid, "desk_code")),
            BookingCodeInvalid => (StatusCode::UNPROCESSABLE_ENTITY, ApiError::on_field(ErrorCode::BookingCodeInvalid, "booking_code")),
            NotCheckInTime => (StatusCode::CONFLICT, plain(ErrorCode::NotCheckInTime)),
            BookingChanged => (StatusCode::CONFLICT, plain(ErrorCode::BookingChanged)),
            QueueEmpty => (StatusCode::CONFLICT, plain(ErrorCode::QueueEmpty)),
            CommunityExists => (StatusCode::CONFLICT, ApiError::on_field(ErrorCode::CommunityExists, "name")),
            LedgerUnreadable => (StatusCode::UNPROCESSABLE_ENTITY, plain(ErrorCode::LedgerUnreadable)),
            LedgerColumnsMissing(column) => {
                (StatusCode::UNPROCESSABLE_ENTITY, ApiError::on_field(ErrorCode::LedgerColumnsMissing, *column))
            }
            LedgerEmpty => (StatusCode::UNPROCESSABLE_ENTITY, plain(ErrorCode::LedgerEmpty)),
            LedgerTooManyRows => (StatusCode::PAYLOAD_TOO_LARGE, plain(ErrorCode::LedgerTooManyRows)),
            RegisterChanged => (StatusCode::CONFLICT, plain(ErrorCode::RegisterChanged)),
            AccountDisabled => (StatusCode::FORBIDDEN, plain(ErrorCode::AccountDisabled)),
            ResetCodeInvalid => (StatusCode::UNPROCESSABLE_ENTITY, ApiError::on_field(ErrorCode::ResetCodeInvalid, "code")),
            WrongPassword => (StatusCode::UNPROCESSABLE_ENTITY, ApiError::on_field(ErrorCode::WrongPassword, "current_password")),
            PhoneTaken => (StatusCode::CONFLICT, ApiError::on_field(ErrorCode::PhoneTaken, "phone")),
            InvalidCredentials => (StatusCode::UNAUTHORIZED, plain(ErrorCode::InvalidCredentials)),
            TooManyAttempts => (StatusCode::TOO_MANY_REQUESTS, plain(ErrorCode::TooManyAttempts)),
            Unauthenticated => (StatusCode::UNAUTHORIZED, plain(ErrorCode::Unauthenticated)),
            Forbidden => (StatusCode::FORBIDDEN, plain(ErrorCode::Forbidden)),
            NotFound => (StatusCode::NOT_FOUND, plain(ErrorCode::NotFound)),
            Database(_) | Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, plain(ErrorCode::Internal)),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, error) = self.status_and_body();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        } else {
            tracing::debug!(error = %self, "request refused");
        }
        error_response(status, error)
    }
}

pub fn error_response(status: StatusCode, error: ApiError) -> Response {
    (status, Json(ErrorBody { error })).into_response()
}
