# The household register (房屋台账): staff import the property company's ledger, keep each
# household's area and owners, mark residents moved out, give reset codes, and print invite codes.

households-tile = Household register
households-title = Household register
households-intro = Every home in the community: building, unit, room, floor area and owners. Owners' decisions are counted by the areas and owners recorded here.
households-print-link = Print invite codes

## Importing the ledger

households-import-heading = Import the ledger
households-import-intro = Choose the ledger the property company exported (an Excel .xlsx or a CSV file) with the headings building, unit, room, area, owner names, owner phones. Check it first, then import it if nothing is wrong. Homes already recorded are only corrected, never removed.
households-import-pick = Choose ledger file
households-import-reading = Reading the file…
households-import-picked = Chosen: { $file }
households-import-check = Check the file
households-import-checking = Checking, please wait…
households-import-importing = Importing, please wait…
households-import-too-large = The file is larger than { $megabytes } MB. Split it by building and import each part.
households-import-wrong-type = Only Excel (.xlsx) or CSV files can be imported. Save it as one of these in Excel and choose it again.
households-import-column-missing = The “{ $column }” column is missing.
households-preview-heading = What the check found
households-figure-rows = Homes in the file
households-figure-buildings = New buildings
households-figure-units = New units
households-figure-households = New homes
households-figure-changed = To correct
households-figure-unchanged = Unchanged
households-problems-count = { $count ->
        [one] 1 thing needs fixing. Nothing in the register changes until it is fixed.
       *[other] { $count } things need fixing. Nothing in the register changes until they are fixed.
    }
households-problems-more = { $count ->
        [one] 1 more problem is not listed.
       *[other] { $count } more problems are not listed.
    }
households-problems-fix = Fix them in the spreadsheet and save it, then tap “Choose ledger file”, choose the corrected file and check it again.
households-problem = Line { $line } · { $column }: { $problem } ({ $value })
households-problem-blank = Line { $line } · { $column }: { $problem }
households-preview-ready = Nothing is wrong with the file. Tap “Import” to write the figures above into the register.
households-import-apply = Import
households-preview-nothing = The file matches the register exactly: there is nothing to import.
households-result-heading = Import done
households-imported = { $households ->
        [one] Imported: 1 new home
       *[other] Imported: { $households } new homes
    }, { $changed } corrected.

ledger-column-building = Building
ledger-column-unit = Unit
ledger-column-room = Room
ledger-column-floor-area = Floor area
ledger-column-owner-names = Owner names
ledger-column-owner-phones = Owner phones

ledger-problem-missing = not filled in
ledger-problem-too-long = too long
ledger-problem-control-character = holds an invisible character such as a line break or a tab
ledger-problem-duplicate-room = the same room as an earlier line
ledger-problem-area-not-a-number = not a valid area
ledger-problem-area-out-of-range = the area must be above 0 and at most 10,000 m²
ledger-problem-phone-invalid = not a valid 11-digit mobile number
ledger-problem-owners-mismatch = more phones than owner names, or more than 6 owners

## The register

households-list-heading = Homes
households-total = { $count ->
        [one] 1 home
       *[other] { $count } homes
    }
households-empty = The register has no homes yet. Import the property company's ledger first.
households-more = Show more
households-export = Export CSV
households-area = { $area } m²
households-residents-count = { $count ->
        [0] No residents registered yet
        [one] 1 resident
       *[other] { $count } residents
    }
households-owners-line = Owners: { $owners }
households-owners-none = no owners recorded
households-owner-phone = { $name } ({ $phone })

## One household

households-detail-title = Home
households-field-area = Floor area
households-field-owners = Owners
households-field-note = Note
households-field-residents = Residents
households-note-none = none
households-edit-heading = Change the register
households-field-area-input = Floor area (m²)
households-area-hint = As on the property certificate, at most two decimals, e.g. 92.05.
households-area-invalid = Type the area as a number with at most two decimals, above 0 and at most 10,000, e.g. 92.05.
households-owners-legend = Owners
households-owners-hint = The owners on the property certificate, at most 6.
households-owners-too-many = There can be at most 6 owners.
households-owner-legend = Owner { $number }
households-owner-name = Name
households-owner-phone-label = Mobile number
households-owner-phone-hint = May be left empty.
households-owner-phone-kept = The number on record, { $phone }, stays. To change it, type the new number here.
households-owner-add = Add an owner
households-owner-remove = Remove this owner
households-note-hint = Only staff see it; at most { $max } characters.
households-save = Save
households-saved = Saved.

households-residents-heading = Registered residents
households-residents-none = Nobody has registered in this home yet.
households-owner-mark = Owner
households-resident-phone = Mobile { $phone }
households-move-out = Moved out
households-move-out-question = Has { $name } really moved out? { $name } will be signed out and taken off this home; their past records stay.
households-move-out-confirm = Yes, moved out
households-move-out-cancel = Cancel
households-moved-out-done = { $name } has been taken off this home and signed out.
households-reset-code = Reset password
households-reset-code-for = Reset code for { $name } ({ $phone }):
households-reset-code-until = Valid until { $until }
households-reset-code-hand-over = Give it to them in person, never by phone or WeChat. On the sign-in page they tap “Forgot password?” and type their phone number, this code and a new password. It works once, until the time above.

## Printed invite codes

households-print-title = Print invite codes
households-print-intro = Invite codes for the homes where nobody has registered yet: print them, cut them apart and put each through its door. Preparing again keeps the codes that are still valid and unused.
households-print-building = Which homes
households-print-whole = The whole community
households-print-prepare = Prepare
households-print-count = { $count ->
        [one] Invite code for 1 home
       *[other] Invite codes for { $count } homes
    }
households-print-none = Someone has registered in every home here: no invite codes are needed.
households-print-print = Print
households-print-csv = Download CSV
households-print-hint = Printed, an A4 page holds 8 homes; cut along the dashed lines.
households-print-more = Show more homes
households-print-step-open = Open Linli (app or web) and tap “Register with an invite code”.
households-print-step-code = Type the invite code above (or scan the QR code), then your phone number and name.
