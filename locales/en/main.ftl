# Linli · English

app-name = Linli
app-tagline = Your community's notices and services, on your phone
nav-back = Back
loading = Loading…
retry = Try again
busy = Please wait…
not-found-title = Page not found
datetime = { $day } { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    } { $year }, { $hour }:{ $minute }
household = { $building } { $unit } { $room }

## Home
home-sign-in = Sign in
home-register = Register with an invite code
home-greeting = Hello, { $name }! Welcome to { $community }.
home-tiles-label = Features
tile-notices = Notices
tile-compose = Publish notice
tile-invites = Invite codes
tile-me = Me

## Language and settings
language-label = Language
language-zh-CN = 简体中文
language-zh-TW = 繁體中文
language-en = English
elderly-mode = Senior mode
switch-on = On
switch-off = Off
notifications = Urgent notice alerts
notifications-blocked = Your browser blocks notifications. Allow them for this site in the browser's settings.
notifications-unsupported = This device cannot show notifications.
notify-urgent-title = Urgent notice

## Sign in and register
sign-in-title = Sign in
sign-in-submit = Sign in
sign-in-no-account = No account yet?
field-phone = Mobile number
field-password = Password
field-password-hint = At least { $min } characters
field-invite-code = Invite code
field-invite-code-hint = Ask the residents' committee staff, or scan the invite QR code
field-name = Name
register-title = Register
register-accept = I have read and accept the
register-privacy-link = privacy policy
register-submit = Register
register-have-account = Already registered?

## Privacy policy
privacy-title = Privacy policy
privacy-intro = Linli is run by your community's residents' committee to publish community notices and handle community matters. This policy says what personal information we collect, why, who can see it, and what your rights are.
privacy-collect-heading = What we collect
privacy-collect-body = When you register: your name, mobile number, password (stored only as a one-way hash) and the household your invite code belongs to (building, unit, room). When you use the app: which notices you have read, and settings such as language and senior mode. We do not collect ID numbers, location, contacts or photos.
privacy-why-heading = Why
privacy-why-body = Your name and household show that you live in the community; your mobile number lets you sign in and lets staff reach you in an emergency; read receipts tell staff who has not yet seen an important notice, so they can phone elderly residents. We never use this information for advertising and never sell it.
privacy-who-heading = Who can see it
privacy-who-body = Only your community's residents' committee and property-management staff, as their work requires; lists show phone numbers partly hidden (like 138****5678). Every time staff view personal information it is logged. We give your information to no third party unless the law requires it.
privacy-keep-heading = How long we keep it
privacy-keep-body = As long as your account exists. When you delete your account, we delete or anonymise your personal information.
privacy-rights-heading = Your rights
privacy-rights-body = You may see, copy (export), correct or delete your personal information at any time, and withdraw your consent by deleting your account. Ask the community service centre to do so.
privacy-contact-heading = Contact
privacy-contact-body = For questions or complaints about your personal information, contact your residents' committee or the community service centre.

## Notices
notices-title = Notices
notices-empty = No notices yet.
notices-more = Show more
notices-unread-count =
    { $count ->
        [0] No unread notices
        [one] { $count } unread
       *[other] { $count } unread
    }
notice-heading = Notice
notice-unread = Unread
notice-pinned = Pinned
notice-urgent = Urgent
notice-author = Posted by { $name }
notice-reads-link = Who has read it
notice-vote-heading = Have your say
notice-vote-not-granted = This notice comes with a vote. Voting for them needs their permission to vote as their proxy.
category-government = Government
category-property = Property
category-activity = Activity
category-urgent = Urgent

## Publish a notice
compose-title = Publish a notice
compose-submit = Publish
field-title = Title
field-body = Text
field-body-hint = Markdown works, e.g. **bold** and lists.
field-category = Category
field-pinned = Pin to the top
field-urgent = Urgent
field-urgent-hint = An urgent notice alerts every resident's phone.
field-notice-vote = Attach a vote
field-notice-vote-none = No vote
field-notice-vote-scheduled = { $question } (not open yet)
field-notice-vote-hint = Residents can vote with one tap on the notice.
field-notice-vote-none-open = There are no open or upcoming votes.

## Read receipts
reads-title = Read receipts
reads-read-by = Read by
reads-of = of
reads-residents =
    { $count ->
        [one] resident
       *[other] residents
    }
reads-unread-heading = Residents who have not read it
reads-all-read = Every resident has read it.
reads-show-names = Show who
reads-hide-names = Hide the names
reads-building-unread =
    { $count ->
        [one] { $count } has not read it
       *[other] { $count } have not read it
    }

## Invite codes
invites-title = Invite codes
invites-intro = Choose a household and issue an invite code. Residents scan the QR code or type the code to register into that household.
field-household = Household
field-building = Building
invites-household-option =
    { $count ->
        [one] { $household } ({ $count } resident)
       *[other] { $household } ({ $count } residents)
    }
invites-create = Issue invite code
invites-code-label = Invite code
invites-qr-alt = QR code for invite code { $code }
invites-expires = Valid until { $date }
invites-uses = Used { $uses } of { $max } times
invites-link = Registration link:
invites-none = No households yet.

## Me
me-title = Me
me-name = Name
me-phone = Mobile number
me-community = Community
me-household = Household
me-household-none = Not linked to a household
me-role = Role
me-role-owner = { $role } (owner)
me-settings = Settings
me-privacy-link = Privacy policy
sign-out = Sign out
role-resident = Resident
role-staff = Residents' committee staff
role-property = Property management staff
role-merchant = Merchant
role-admin = Administrator
role-family = Family member

## Errors
error-malformed-body = What was sent is not in the right form. Reload the page and try again.
error-payload-too-large = That is too long to send. Shorten it and try again.
error-unsupported-media-type = What was sent is in a form the server does not accept. Reload the page and try again.
error-invalid-query = The page address has a wrong parameter.
error-field-required = Please fill this in.
error-field-too-long = This is too long. Please shorten it.
error-invalid-value = This value is not allowed. Please check it.
error-invalid-phone = Enter an 11-digit mainland mobile number.
error-password-too-short = The password needs at least 8 characters.
error-consent-required = Please read and accept the privacy policy first.
error-invite-invalid = This invite code is unknown, expired or used up. Ask the residents' committee staff for a new one.
error-over-limit = Check the quantity: at least one, and no more than each household may buy.
error-community-exists = A community of this name is already on this server.
error-ledger-unreadable = This file cannot be read as a ledger. Save it from Excel as .xlsx or as CSV and try again.
error-ledger-columns-missing = The file has no header row naming the building, the room and the floor area. Add those column headings (楼栋, 房号, 面积) and try again.
error-ledger-empty = The file has column headings but no households.
error-ledger-too-many-rows = The file lists more than 20,000 households. Import it building by building.
error-register-changed = The register changed while importing. Check the file again and import once more.
error-account-disabled = This account is disabled. Please contact the residents' committee.
error-reset-code-invalid = This reset code is wrong, used or expired. Ask the residents' committee staff for a new one.
error-wrong-password = The current password is not right.
error-phone-taken = This mobile number is already registered. Sign in instead; if you moved here from another household, register with the password you had there.
error-invalid-credentials = Wrong mobile number or password.
error-too-many-attempts = Too many attempts. Wait a few minutes and try again.
error-unauthenticated = Your session has ended. Please sign in again.
error-forbidden = You are not allowed to do this.
error-not-found = This page or item was not found.
error-method-not-allowed = This action is not supported.
error-timeout = The server took too long. Try again later.
error-internal = Something went wrong on the server; nothing was changed. Try again later.
error-network = Cannot reach the server. Check your connection and try again.
error-unexpected-response = The server's answer was not understood. Update the app and try again.

## One optional photo (a product, a wish, a volunteer's proof)
photo-add = Add a photo (optional)
photo-hint = One photo, JPEG, PNG or WebP, up to { $megabytes } MB.
photo-alt = Photo of { $subject }
photo-remove = Remove the photo
photo-uploading = Uploading the photo…

# Saving a file staff download (CSV)
download-busy = Preparing the file…
download-done = Downloading { $file }: you will find it in your browser's downloads.
download-failed = The file was not downloaded. { $reason }
download-failed-device = The file was not downloaded: this browser cannot save files. Please try a browser on a computer.
