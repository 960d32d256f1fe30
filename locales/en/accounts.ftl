# Accounts, the street office's overview of communities, and passwords.

tile-accounts = Accounts
tile-communities = All communities

## /accounts

accounts-title = Accounts
accounts-intro = The accounts of your community's committee staff, property company, shops and administrators. A disabled account cannot sign in; a colleague who forgot their password gets a reset code here.
accounts-open-toggle = Open a new account
accounts-open-close = Close the form
accounts-open-heading = Open an account
accounts-open-intro = Open an account for a colleague, the property company or a shop. You then see a setup code, with which they choose their own password.
accounts-role = Kind of account
accounts-role-staff-hint = Publishes notices, runs households and accounts, answers help requests
accounts-role-property-hint = Publishes notices, handles problem reports
accounts-role-merchant-hint = Runs group buys in the community
accounts-open-submit = Open it and show the setup code
accounts-opened = { $name }'s account is open. Give them the setup code below.
accounts-phone-taken = This phone number already has an account. Please use another number.
accounts-list-heading = All accounts
accounts-none = There are no other accounts yet.
accounts-more = Show more
accounts-disabled = Disabled
accounts-yourself = This is your own account. Change your password under Me.
accounts-admin-only = Only an administrator can manage an administrator's account.
accounts-disable = Disable
accounts-enable = Enable again
accounts-disable-confirm-text = Once disabled, { $name } is signed out on every device at once and cannot sign in until the account is enabled again.
accounts-disable-confirm = Yes, disable it
accounts-cancel = Cancel
accounts-disabled-done = { $name }'s account is disabled; they have been signed out on every device.
accounts-enabled-done = { $name }'s account is enabled again; they can sign in with their old password.
accounts-reset = Reset password
accounts-reset-heading = Reset code for { $name }
accounts-setup-heading = Setup code for { $name }
accounts-code-for = { $role } · { $phone }
accounts-code-until = Valid until { $when }
accounts-reset-tell = Hand it over in person; never read it out on the phone or send it by text. It works once, until the time shown above.
accounts-setup-tell = Tell them: open Linli, tap “Forgot your password?” on the sign-in screen, type your phone number and this setup code, then choose your own password. It works once, within 24 hours.

## /admin/communities

admin-communities-title = All communities
admin-communities-count = { $count ->
        [one] 1 community
       *[other] { $count } communities
    }
admin-communities-heading = Communities
admin-communities-none = There are no communities yet.
admin-communities-more = Show more
admin-households-on-record = Households on record
admin-households-registered = Households registered
admin-residents = Residents
admin-open-help = Open help requests
admin-overdue-reports = Reports not accepted in time
admin-votes-open = Votes open
admin-campaigns-running = Group buys running
admin-new-toggle = New community
admin-new-close = Close the form
admin-new-heading = New community
admin-community-name = Name of the community
admin-service-phone = Service phone
admin-service-phone-hint = The number residents call for help, e.g. 021-5555-0100
admin-service-phone-invalid = Please type a number people can dial, for example 021-5555-0100 or 13800000000.
admin-time-zone = Time zone
admin-time-zone-hint = Every time in the community is shown in this zone.
admin-zone-shanghai = Beijing time (UTC+8)
admin-zone-urumqi = Urumqi time (UTC+6)
admin-zone-hong-kong = Hong Kong time (UTC+8)
admin-zone-macau = Macau time (UTC+8)
admin-zone-taipei = Taipei time (UTC+8)
admin-zone-other = Other (type the offset)
admin-zone-offset = Offset from UTC
admin-zone-offset-hint = For example +08:00
admin-new-submit = Create the community
admin-created = { $name } has been created.
admin-first-staff-heading = The first staff account of { $community }
admin-first-staff-intro = You will see a setup code. Once this staff member is signed in, they can open accounts for colleagues, the property company and shops.
admin-new-another = Create another community

## /reset-password

sign-in-forgot = Forgot your password? Ask the residents' committee for a reset code
reset-title = Set a new password
reset-intro = If you forgot your password, get an 8-digit reset code in person from the residents' committee. A new staff, property or shop account sets its first password here too, with the setup code it was given.
reset-code = Reset code or setup code
reset-code-hint = 8 digits, such as 1234 5678; the space is optional
reset-code-format = Please type the 8 digits of your reset code or setup code.
reset-submit = Set the new password and sign in

## Me: password and signing out everywhere

password-heading = Password and sign-in
password-change-heading = Change password
password-current = Current password
password-new = New password
password-new-again = New password again
password-mismatch = The two new passwords differ. Please type them again.
password-change-submit = Change password
password-changed = Your password has been changed. Every other device has been signed out.
sign-out-everywhere = Sign out on all devices
sign-out-everywhere-hint = Use this if you lost your phone or signed in on someone else's device.
sign-out-everywhere-question = This signs you out on every phone and computer, this one included. You will need your password to sign in again. Go ahead?
sign-out-everywhere-confirm = Yes, sign out everywhere
