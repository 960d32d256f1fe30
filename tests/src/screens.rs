//! Every screen of the app, per audience, in one list. The accessibility test (axe-core)
//! and the 长辈版 test (sizes, contrast, reflow) both visit exactly these, so a new screen
//! is added here once, and both tests cover it.
//!
//! [`Tour`] prepares a visit: it signs the demo resident and staff member in over the API,
//! publishes a notice with richer text (a link, a list, a long unbroken address) and an
//! urgent notice that carries a vote (answered with one tap on the notice), and sets up the
//! browser's device settings for each audience.

use fantoccini::Client as Browser;
use linli_api::auth::{Locale, SignInRequest, UpdatePreferences};
use linli_api::hall::{CastBallot, Eligibility, Matter, NewVote, VoteKind};
use linli_api::notices::{NewNotice, NoticeCategory};
use linli_api::topics::{HideComment, NewComment, NewTopic};
use serde_json::json;

use crate::{WebApp, DEMO_PASSWORD};

pub mod appointments;
pub mod reports;

/// Who looks at a screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    SignedOut,
    Resident,
    Staff,
    /// A family account acting for the resident it cares for.
    Family,
    /// The demo shop, approved in the community.
    Merchant,
    /// The property company's manager, who handles repairs.
    Property,
    /// The street office's administrator, who sees every community and sets new ones up.
    Admin,
}

impl Audience {
    pub const ALL: [Audience; 7] =
        [Audience::SignedOut, Audience::Resident, Audience::Staff, Audience::Family, Audience::Merchant, Audience::Property, Audience::Admin];

    /// The demo account (password [`DEMO_PASSWORD`]), if any.
    pub fn phone(self) -> Option<&'static str> {
        match self {
            Audience::SignedOut => None,
            Audience::Resident => Some(RESIDENT_PHONE),
            Audience::Staff => Some(STAFF_PHONE),
            Audience::Family => Some(FAMILY_PHONE),
            Audience::Merchant => Some(MERCHANT_PHONE),
            Audience::Property => Some(PROPERTY_PHONE),
            Audience::Admin => Some(ADMIN_PHONE),
        }
    }
}

/// 王建国, a resident who owns his home.
pub const OWNER_PHONE: &str = "13900000001";

/// 陈小红, the demo family account of the elderly resident 陈秀英.
pub const FAMILY_PHONE: &str = "13500000001";

/// 张经理（物业）, the property company's manager.
pub const PROPERTY_PHONE: &str = "13800000002";

/// 鲜丰果蔬, the demo shop.
pub const MERCHANT_PHONE: &str = "13800000003";

/// 赵科长（街道办）, the street office's administrator.
pub const ADMIN_PHONE: &str = "13800000004";

/// 李主任, residents' committee staff.
pub const STAFF_PHONE: &str = "13800000001";
/// 刘洋, a resident.
pub const RESIDENT_PHONE: &str = "13900000003";

/// Every screen and who visits it; `{notice}` stands for the id of a notice, `{vote_notice}`
/// for the urgent notice carrying a vote, `{cared_for}` for the user id of the resident the
/// family account acts for, `{campaign}` for the demo shop's open group buy, `{wish}` for
/// the demo's wish on the board, `{claimed_wish}` for a wish the resident holds as its
/// volunteer, `{pending_wish}` for the demo's wish waiting for staff; `{service}`,
/// `{booking}`, `{pending_booking}`, `{desk_service}` and `{ticket_booking}` are the
/// appointments of [`appointments::Appointments`]; `{resolved_report}`, `{waiting_report}` and
/// `{handled_report}` the problem reports of [`reports::Reports`]; `{household}` the demo owner's
/// household in the register.
pub const SCREENS: &[(Audience, &str)] = &[
    (Audience::SignedOut, "/"),
    (Audience::SignedOut, "/sign-in"),
    (Audience::SignedOut, "/register"),
    (Audience::SignedOut, "/privacy"),
    (Audience::SignedOut, "/reset-password"),
    (Audience::SignedOut, "/family/join"),
    (Audience::SignedOut, "/shop/apply"),
    (Audience::SignedOut, "/display/{desk_service}"),
    (Audience::Resident, "/"),
    (Audience::Resident, "/notices"),
    (Audience::Resident, "/notices/{notice}"),
    (Audience::Resident, "/notices/{vote_notice}"),
    (Audience::Resident, "/me"),
    (Audience::Resident, "/hall"),
    (Audience::Resident, "/hall/votes/{vote}"),
    (Audience::Resident, "/hall/votes/{vote}/record"),
    (Audience::Resident, "/hall/topics/new"),
    (Audience::Resident, "/hall/topics/{topic}"),
    (Audience::Resident, "/hall/topics/{proposal}"),
    (Audience::Resident, "/help"),
    (Audience::Resident, "/groceries"),
    (Audience::Resident, "/groceries/campaigns/{campaign}"),
    (Audience::Resident, "/groceries/orders"),
    (Audience::Resident, "/groceries/again"),
    (Audience::Resident, "/wishes"),
    (Audience::Resident, "/wishes/new"),
    (Audience::Resident, "/wishes/mine"),
    (Audience::Resident, "/wishes/thanks"),
    (Audience::Resident, "/wishes/{wish}"),
    (Audience::Resident, "/wishes/{claimed_wish}"),
    (Audience::Resident, "/services"),
    (Audience::Resident, "/services/{service}"),
    (Audience::Resident, "/bookings"),
    (Audience::Resident, "/bookings/{booking}"),
    (Audience::Resident, "/bookings/{ticket_booking}"),
    (Audience::Resident, "/reports"),
    (Audience::Resident, "/reports?show=neighbourhood"),
    (Audience::Resident, "/reports/new"),
    (Audience::Resident, "/reports/figures"),
    (Audience::Resident, "/reports/{resolved_report}"),
    (Audience::Resident, "/reports/{waiting_report}"),
    (Audience::Resident, "/family"),
    (Audience::Resident, "/family/invite"),
    (Audience::Resident, "/family/history"),
    (Audience::Staff, "/"),
    (Audience::Staff, "/notices/new"),
    (Audience::Staff, "/notices/{notice}/reads"),
    (Audience::Staff, "/invites"),
    (Audience::Staff, "/invites/print"),
    (Audience::Staff, "/households"),
    (Audience::Staff, "/households/{household}"),
    (Audience::Staff, "/accounts"),
    (Audience::Staff, "/help/requests"),
    (Audience::Staff, "/hall/new"),
    (Audience::Staff, "/hall/votes/{vote}"),
    (Audience::Staff, "/hall/votes/{vote}/participants"),
    (Audience::Staff, "/hall/topics/new"),
    (Audience::Staff, "/hall/topics/{topic}"),
    (Audience::Staff, "/groceries"),
    (Audience::Staff, "/groceries/campaigns/{campaign}"),
    (Audience::Staff, "/shop/merchants"),
    (Audience::Staff, "/shop/campaigns/{campaign}"),
    (Audience::Staff, "/wishes/review"),
    (Audience::Staff, "/wishes/new"),
    (Audience::Staff, "/wishes/{pending_wish}"),
    (Audience::Staff, "/services"),
    (Audience::Staff, "/services/manage"),
    (Audience::Staff, "/services/new"),
    (Audience::Staff, "/services/{service}"),
    (Audience::Staff, "/services/{service}/edit"),
    (Audience::Staff, "/services/{desk_service}/desk"),
    (Audience::Staff, "/bookings/{pending_booking}"),
    (Audience::Staff, "/reports"),
    (Audience::Staff, "/reports/handling"),
    (Audience::Staff, "/reports/rules"),
    (Audience::Staff, "/reports/{waiting_report}"),
    (Audience::Property, "/"),
    (Audience::Property, "/reports/handling"),
    (Audience::Property, "/reports/{handled_report}"),
    (Audience::Merchant, "/"),
    (Audience::Merchant, "/shop"),
    (Audience::Merchant, "/shop/campaigns/new"),
    (Audience::Merchant, "/shop/campaigns/{campaign}"),
    (Audience::Merchant, "/shop/campaigns/{campaign}/picking"),
    (Audience::Merchant, "/shop/scan"),
    (Audience::Merchant, "/wishes"),
    (Audience::Family, "/"),
    (Audience::Family, "/family"),
    (Audience::Family, "/family/join"),
    (Audience::Family, "/family/for/{cared_for}"),
    (Audience::Family, "/family/for/{cared_for}/notices/{notice}"),
    (Audience::Family, "/family/for/{cared_for}/notices/{vote_notice}"),
    (Audience::Family, "/wishes/mine?for={cared_for}"),
    (Audience::Family, "/wishes/new?for={cared_for}"),
    (Audience::Family, "/services?for={cared_for}"),
    (Audience::Family, "/services/{service}?for={cared_for}"),
    (Audience::Family, "/bookings?for={cared_for}"),
    (Audience::Family, "/reports?for={cared_for}"),
    (Audience::Family, "/reports/new?for={cared_for}"),
    (Audience::Admin, "/"),
    (Audience::Admin, "/admin/communities"),
];

/// The body of the notice the tour publishes: what a real notice may hold.
const RICH_NOTICE: &str = "因设备检修，**1栋、2栋**周三上午停水。详见[物业公告](https://example.cn/notices/42)。\n\n\
- 请提前储水\n- 检修后先放水一分钟\n\n\
网址：https://example.cn/community/announcements/2026/water-maintenance-schedule-for-buildings-one-and-two";

/// Signed-in sessions and the data the screens need.
pub struct Tour {
    /// The notice `{notice}` stands for.
    pub notice: i64,
    /// The urgent notice `{vote_notice}` stands for: it carries `residents_vote`.
    pub vote_notice: i64,
    /// The open yes/no/abstain vote for every resident, which the urgent notice carries.
    pub residents_vote: i64,
    /// The owners' vote `{vote}` stands for, with the owner's ballot in it (so staff see
    /// one person on its participants page).
    pub vote: i64,
    /// The resident `{cared_for}` stands for.
    pub cared_for: i64,
    /// The staff's topic `{topic}` stands for: a discussion with its vote, a photo, and a
    /// thread with a comment, a reply and a hidden comment.
    pub topic: i64,
    /// The owner's proposal `{proposal}` stands for, gathering households' support.
    pub proposal: i64,
    /// The demo shop's open campaign `{campaign}` stands for, with the owner's order in it.
    pub campaign: i64,
    /// The demo's wish on the board (`{wish}`), the owner's wish the resident took on
    /// (`{claimed_wish}`), and the demo's wish waiting for staff (`{pending_wish}`).
    pub wish: i64,
    pub claimed_wish: i64,
    pub pending_wish: i64,
    pub appointments: appointments::Appointments,
    pub reports: reports::Reports,
    /// The owner 王建国's household (`{household}`), with its owner and residents.
    pub household: i64,
    resident: (linli_api::Client, String),
    staff: (linli_api::Client, String),
    family: (linli_api::Client, String),
    merchant: (linli_api::Client, String),
    property: (linli_api::Client, String),
    admin: (linli_api::Client, String),
}

impl Tour {
    pub async fn start(app: &WebApp) -> Tour {
        let sign_in = |phone: &'static str| {
            let api = app.api();
            async move {
                let request = SignInRequest { phone: phone.into(), password: DEMO_PASSWORD.into() };
                let session = api.sign_in(&request).await.unwrap_or_else(|e| panic!("{phone} signs in: {e}"));
                (api.with_token(session.token.clone()), session.token)
            }
        };
        let resident = sign_in(RESIDENT_PHONE).await;
        let staff = sign_in(STAFF_PHONE).await;
        let notice = NewNotice {
            title: "周三停水：请提前储水".into(),
            body_markdown: RICH_NOTICE.into(),
            category: NoticeCategory::Property,
            pinned: false,
            urgent: false,
            vote_id: None,
        };
        let published = staff.0.publish_notice(&notice).await.expect("staff publish the tour's notice");
        let family = sign_in(FAMILY_PHONE).await;
        let links = family.0.family_links().await.expect("the family account's links");
        let cared_for = links.i_help.first().expect("the demo links the family account").resident.id.0;
        // Two votes: one the resident can answer with one tap from the list, and an owners'
        // decision (`{vote}`) with a ballot in it, so its thresholds show real numbers.
        let now = chrono::Utc::now();
        let vote = |question: &str, eligibility| NewVote {
            question: question.into(),
            description: "详见公告栏。**欢迎讨论**。".into(),
            kind: VoteKind::YesNoAbstain,
            options: vec![],
            max_choices: None,
            eligibility,
            matter: (eligibility == Eligibility::Owners).then_some(Matter::CommonPartsUse),
            secret: true,
            final_on_cast: false,
            opens_at: now - chrono::Duration::minutes(1),
            closes_at: now + chrono::Duration::days(7),
        };
        let residents = staff.0.create_vote(&vote("周末是否举办社区跳蚤市场？", Eligibility::Residents)).await.expect("staff open a vote");
        // An urgent notice that carries the residents' vote: one tap on the notice itself.
        let urgent = NewNotice {
            title: "紧急：周末跳蚤市场需要您表态".into(),
            body_markdown: "场地需在周五前确认，**请今天内投票**。".into(),
            category: NoticeCategory::Urgent,
            pinned: false,
            urgent: true,
            vote_id: Some(residents.id),
        };
        let vote_notice = staff.0.publish_notice(&urgent).await.expect("staff publish an urgent notice with a vote");
        let owners = staff.0.create_vote(&vote("是否同意将 3 栋架空层改为老年活动室？", Eligibility::Owners)).await.expect("an owners' vote");
        let owner = sign_in(OWNER_PHONE).await;
        let household = owner.0.me().await.expect("the owner's account").household.expect("the owner lives in a household").id.0;
        owner.0.cast_ballot(owners.id, &CastBallot { choices: vec![0] }).await.expect("an owner votes");
        let (topic, proposal) = topics(&staff.0, &owner.0, &resident.0, vote("是否同意在小区东门加装雨棚？", Eligibility::Residents)).await;
        let merchant = sign_in(MERCHANT_PHONE).await;
        let campaign = groceries(app, &merchant.0, &owner.0, &resident.0).await;
        let (wish, claimed_wish, pending_wish) = wishes(&staff.0, &owner.0, &resident.0).await;
        let appointments = appointments::prepare(&staff.0, &owner.0, &resident.0).await;
        let property = sign_in(PROPERTY_PHONE).await;
        let reports = reports::prepare(&property.0, &owner.0, &resident.0).await;
        let admin = sign_in(ADMIN_PHONE).await;
        Tour {
            notice: published.id.0,
            vote_notice: vote_notice.id.0,
            residents_vote: residents.id.0,
            vote: owners.id.0,
            cared_for,
            topic,
            proposal,
            campaign,
            wish,
            claimed_wish,
            pending_wish,
            appointments,
            reports,
            household,
            resident,
            staff,
            family,
            merchant,
            property,
            admin,
        }
    }

    /// The paths of `audience`'s screens.
    pub fn screens(&self, audience: Audience) -> Vec<String> {
        SCREENS
            .iter()
            .filter(|(who, _)| *who == audience)
            .map(|(_, path)| {
                let bookings = &self.appointments;
                let stand_ins = [
                    ("{notice}", self.notice),
                    ("{vote_notice}", self.vote_notice),
                    ("{vote}", self.vote),
                    ("{cared_for}", self.cared_for),
                    ("{topic}", self.topic),
                    ("{proposal}", self.proposal),
                    ("{campaign}", self.campaign),
                    ("{claimed_wish}", self.claimed_wish),
                    ("{pending_wish}", self.pending_wish),
                    ("{wish}", self.wish),
                    ("{service}", bookings.service),
                    ("{booking}", bookings.booking),
                    ("{pending_booking}", bookings.pending_booking),
                    ("{desk_service}", bookings.desk_service),
                    ("{ticket_booking}", bookings.ticket_booking),
                    ("{resolved_report}", self.reports.resolved_report),
                    ("{waiting_report}", self.reports.waiting_report),
                    ("{handled_report}", self.reports.handled_report),
                    ("{household}", self.household),
                ];
                stand_ins.iter().fold(path.to_string(), |path, (name, id)| path.replace(name, &id.to_string()))
            })
            .collect()
    }

    pub fn token(&self, audience: Audience) -> Option<&str> {
        match audience {
            Audience::SignedOut => None,
            Audience::Resident => Some(&self.resident.1),
            Audience::Staff => Some(&self.staff.1),
            Audience::Family => Some(&self.family.1),
            Audience::Merchant => Some(&self.merchant.1),
            Audience::Property => Some(&self.property.1),
            Audience::Admin => Some(&self.admin.1),
        }
    }

    /// Sets every account's preferences (which win over the device's on sign-in).
    pub async fn set_accounts(&self, locale: Locale, elderly: bool) {
        let change = UpdatePreferences { elderly_mode: Some(elderly), locale: Some(locale) };
        for (api, _) in [&self.resident, &self.staff, &self.family, &self.merchant, &self.property, &self.admin] {
            api.update_preferences(&change).await.expect("update the account's preferences");
        }
    }

    /// Makes the browser a device of `audience`: a fresh localStorage with its token (if
    /// any), the language, and the 长辈版 setting (`None`: a first start, never asked).
    pub async fn use_device(&self, browser: &Browser, app: &WebApp, audience: Audience, locale: Locale, elderly: Option<bool>) {
        browser.goto(&app.url("/privacy")).await.expect("open the app");
        let setup = json!({
            "token": self.token(audience),
            "locale": locale.tag(),
            "elderly": elderly.map(|on| on.to_string()),
        });
        browser
            .execute(
                r#"const s = arguments[0];
                   localStorage.clear();
                   if (s.token) localStorage.setItem("linli.token", s.token);
                   localStorage.setItem("linli.locale", s.locale);
                   if (s.elderly) localStorage.setItem("linli.elderly", s.elderly);"#,
                vec![setup],
            )
            .await
            .expect("set up the device");
    }
}

/// A small striped PNG, the photo the tour's topic and its first comment carry.
const PHOTO: &[u8] = include_bytes!("../fixtures/stripes.png");

/// Uploads the tour's photo as `api`'s own.
async fn upload_photo(api: &linli_api::Client) -> linli_api::ids::UploadId {
    api.upload_image("image/png", PHOTO.to_vec()).await.expect("a photo uploads").id
}

/// The tour's topics: staff open a discussion with `vote` and a photo; the owner comments
/// (with a photo), the resident replies, a comment by the resident is hidden by staff with
/// its reason; and the owner proposes a topic that gathers support. Returns the ids of the
/// discussion (`{topic}`) and the proposal (`{proposal}`).
async fn topics(staff: &linli_api::Client, owner: &linli_api::Client, resident: &linli_api::Client, vote: NewVote) -> (i64, i64) {
    let topic = NewTopic {
        title: "东门加装雨棚：请大家说说意见".into(),
        body: "雨天在东门等车的老人很多。**物业**提议加装雨棚，费用从公共收益中支出。\n\n- 位置：东门公交站一侧\n- 工期：约两周".into(),
        images: vec![upload_photo(staff).await],
        vote: Some(vote),
    };
    let topic = staff.create_topic(&topic).await.expect("staff open a topic with its vote").id;
    let said = |body: &str, reply_to, images| NewComment { body: body.into(), reply_to, images };
    let first = owner.comment(topic, &said("支持。最好加宽一点，轮椅也能避雨。", None, vec![upload_photo(owner).await])).await.expect("the owner comments");
    resident.comment(topic, &said("同意，雨棚下面能不能加两张长椅？", Some(first.id), vec![])).await.expect("the resident replies");
    let rude = resident.comment(topic, &said("这条留言稍后会被隐藏。", None, vec![])).await.expect("the resident comments");
    staff.hide_comment(rude.id, &HideComment { reason: "与议题无关".into() }).await.expect("staff hide a comment");
    let proposal = NewTopic {
        title: "在 2 栋楼下增设电动车充电桩".into(),
        body: "现在楼道里充电很危险，建议在 2 栋北侧空地装 10 个充电桩。".into(),
        images: vec![],
        vote: None,
    };
    let proposal = owner.create_topic(&proposal).await.expect("the owner proposes a topic").id;
    (topic.0, proposal.0)
}

/// The tour's group buying: the owner orders in the demo shop's open campaign
/// (`{campaign}`); the resident orders in a second campaign that the shop then closes, so it
/// forms and the resident's orders page shows a pickup code, and the open campaign sells the
/// same eggs again (buy again); a new shop waits for staff approval. Returns `{campaign}`.
async fn groceries(app: &WebApp, merchant: &linli_api::Client, owner: &linli_api::Client, resident: &linli_api::Client) -> i64 {
    use linli_api::groceries::{Fulfilment, MerchantApplication, NewCampaign, NewProduct, OrderLine, PlaceOrder};
    let open = merchant.campaigns().await.expect("the shop's campaigns").into_iter().next().expect("the demo campaign");
    let order = |product_id, quantity| PlaceOrder { lines: vec![OrderLine { product_id, quantity }], fulfilment: Fulfilment::Pickup };
    owner.place_order(open.id, &order(open.products[0].id, 2)).await.expect("the owner orders");
    let eggs = &open.products[0];
    let earlier = NewCampaign {
        title: "上周鲜蛋团".into(),
        description: String::new(),
        products: vec![NewProduct { name: eggs.name.clone(), unit: eggs.unit.clone(), price_fen: eggs.price_fen, stock: 50, per_household_limit: 3, photo: None }],
        min_households: 1,
        cut_off: chrono::Utc::now() + chrono::Duration::days(1),
        pickup_point: Some("东门快递柜旁".into()),
        batches: vec![],
    };
    let earlier = merchant.create_campaign(&earlier).await.expect("a second campaign");
    resident.place_order(earlier.id, &order(earlier.products[0].id, 2)).await.expect("the resident orders");
    merchant.close_orders_now(earlier.id).await.expect("the shop closes it: it forms");
    let application = MerchantApplication {
        community_id: open_community(app).await,
        shop_name: "好邻居粮油".into(),
        contact_name: "赵老板".into(),
        phone: "13712345678".into(),
        password: "shop password".into(),
        accept_privacy_policy: true,
        locale: None,
    };
    app.api().apply_as_merchant(&application).await.expect("a shop applies");
    open.id.0
}

async fn open_community(app: &WebApp) -> linli_api::ids::CommunityId {
    app.api().communities().await.expect("communities").first().expect("the demo community").id
}

/// The tour's wishes: the demo's wish on the board and the one waiting for staff; and the
/// owner's wish (with a photo) that staff approve and the resident takes on, so the resident
/// sees it as its volunteer, with the contact and the form to say it is done. Returns
/// `{wish}`, `{claimed_wish}` and `{pending_wish}`.
async fn wishes(staff: &linli_api::Client, owner: &linli_api::Client, resident: &linli_api::Client) -> (i64, i64, i64) {
    use linli_api::wishes::{ClaimWish, NewWish, ReviewWish, WishBoardQuery, WishCategory};
    let on_board = staff.wish_board(&WishBoardQuery::default()).await.expect("the board");
    let wish = on_board.wishes.first().expect("the demo's wish on the board").id;
    let pending = staff.wishes_to_review().await.expect("the review queue");
    let pending_wish = pending.first().expect("the demo's wish waiting for staff").summary.id;
    let photo = upload_photo(owner).await;
    let wanted_by = (chrono::Utc::now() + chrono::Duration::days(5)).date_naive();
    let new = NewWish {
        what: "想请人帮忙把旧衣物送到回收点".into(),
        why: "东西有点重，我一个人搬不动。".into(),
        category: WishCategory::Task,
        photo: Some(photo),
        wanted_by,
        for_household: None,
        wisher_name: None,
        wisher_phone: None,
    };
    let claimed = owner.post_wish(&new).await.expect("the owner posts a wish").summary.id;
    staff.review_wish(claimed, &ReviewWish { approve: true, reason: None }).await.expect("staff approve it");
    resident.claim_wish(claimed, &ClaimWish { organisation: Some("阳光志愿服务队".into()) }).await.expect("the resident takes it on");
    (wish.0, claimed.0, pending_wish.0)
}
