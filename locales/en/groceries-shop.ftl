## Shops and staff: group buying

# Shared
shop-phase-reason = The community says: { $reason }
shop-cut-off-at = Orders close { $when }
shop-line = { $name }: { $quantity } { $unit }
shop-pay-on-pickup = Pays on pickup or delivery: { $total }
shop-actions-label = Shop actions
shop-scan-link = Check a pickup code
shop-back-home = Back to my shop

# A shop applies
shop-apply-title = Sell in a community
shop-apply-intro = Choose the community your shop serves and tell us about the shop. You are signed in at once; you can publish group buys once the community's staff approve your shop.
shop-apply-no-communities = There are no communities to apply to yet.
shop-apply-signed-in = You are signed in with a resident's or staff account. A shop needs its own account: please sign out first, then apply.
shop-apply-to-me = Go to “Me” to sign out
shop-apply-have-account = Your shop already has an account?
shop-apply-submit = Send the application
shop-field-community = Community
shop-field-community-choose = Choose a community
shop-field-shop-name = Shop name
shop-field-contact-name = Contact person
shop-field-contact-name-hint = The person who signs in with this account and runs the group buys.

# The shop's home
shop-home-title = My shop
shop-standing-pending = Your application has been sent and is waiting for { $community }'s staff to approve it. You can publish group buys once they do.
shop-standing-approved = Approved by { $community }: you can publish group buys.
shop-standing-rejected = { $community } did not approve your shop, so you cannot publish group buys for now.
shop-standing-reason = Reason: { $reason }
shop-new-campaign = Publish a group buy
shop-campaigns-heading = My group buys
shop-campaigns-none = You have not published a group buy yet.

# Publishing a group buy
shop-editor-title = Publish a group buy
shop-field-title = Title
shop-field-description = Description (optional)
shop-field-description-hint = For example where it comes from, sizes, delivery notes.
shop-products-heading = Products
shop-product-legend = Product { $number }
shop-field-product-name = Product name
shop-field-unit = Unit
shop-unit-hint = For example jin, bag, box
shop-field-price = Price per unit (yuan)
shop-price-hint = In yuan, for example 28.8, at most two decimals.
shop-price-preview = Residents will see: { $price }
shop-field-stock = Stock
shop-field-limit = Limit per household
shop-limit-hint = The most one household may buy; no more than the stock.
shop-add-product = Add a product
shop-remove-product = Remove product { $number }
shop-group-heading = Group and cut-off
shop-field-min-households = Households needed to form the group
shop-min-households-hint = At the cut-off, at least this many households must have ordered, or the group buy is cancelled.
shop-cut-off-legend = Orders close
shop-field-cut-off-date = Date
shop-field-cut-off-time = Time
shop-cut-off-hint = In the community's time zone ({ $zone }).
shop-cut-off-preview = Orders close { $when }.
shop-handover-heading = How households get their goods
shop-handover-intro = Give a pickup point, or deliver building by building, or both.
shop-field-pickup-point = Pickup point (optional)
shop-pickup-point-hint = For example: next to the parcel lockers at the east gate. Without a pickup point, add deliveries.
shop-batches-heading = Deliveries by building
shop-batches-no-buildings = The community has no buildings registered yet, so only a pickup point is possible for now.
shop-batch-legend = Delivery { $number }
shop-field-batch-building = Building
shop-field-batch-building-choose = Choose a building
shop-field-batch-date = Delivery date
shop-field-batch-start = From
shop-field-batch-end = Until
shop-add-batch = Add a delivery
shop-remove-batch = Remove delivery { $number }
shop-publish = Publish the group buy
shop-wait-photos = Waiting for the photos to upload…
shop-price-invalid = Type the price in yuan, for example 28.8, with at most two decimals.
shop-price-zero = The price must be more than ¥0.
shop-price-too-high = The price cannot be more than { $max }.
shop-stock-invalid = Stock must be a whole number from 1 to { $max }.
shop-limit-invalid = The limit per household must be a whole number from 1 up to the stock.
shop-time-invalid = Please enter a whole date and time.
shop-batch-before-cut-off = A delivery must start after orders close, so you know what to bring.
shop-batch-end-before-start = The end must be later than the start.
shop-products-invalid = Add from 1 to { $max } products.
shop-min-households-invalid = The households needed must be a whole number from 1 to { $households }.
shop-cut-off-invalid = Orders must close after now and within { $days } days.
shop-handover-required = Give a pickup point, or add at least one delivery.
shop-batches-invalid = A delivery is wrong: each must start after orders close and end after it starts.

# The dashboard
shop-dashboard-title = Group buy progress
shop-figure-orders = Orders
shop-figure-total = Orders come to
shop-figure-picked-up = Picked up
shop-picked-up-count = { $picked } of { $orders }
shop-stock-heading = Stock
shop-stock-figures = Stock { $stock }, ordered { $ordered }, left { $left }
shop-close-heading = Close orders
shop-close-orders = End orders now
shop-close-question = End orders now? Nobody can order after this. { $households ->
    [one] 1 household has
   *[other] { $households } households have
} ordered and { $min } are needed: { $forms ->
    [yes] the group buy forms at once.
   *[no] that is not enough, so the group buy is cancelled and every order is void.
}
shop-close-yes = Yes, end orders now
shop-close-no = No, keep taking orders
shop-picking-link = Picking list

# The picking list
shop-picking-title = Picking list
shop-picking-none = There are no orders yet.
shop-download-csv = Download the picking list (CSV)
shop-handover-pickup = Pickup at { $point }
shop-handover-delivery = Delivery to { $building }: { $from } to { $until }
shop-group-summary = { $pickup ->
    [yes] Households of { $building }
   *[no] { $building }
}: { $households ->
    [one] 1 household
   *[other] { $households } households
}, { $total } in all, { $picked } picked up
shop-group-products = Products in all
shop-group-households = Households
shop-group-show-households = { $count ->
    [one] Show the household
   *[other] Show the { $count } households
}
shop-group-hide-households = Hide the households
shop-group-more-households = Show more households
shop-picked-up = ✓ Picked up
shop-not-picked-up = Not picked up yet

# Checking pickup codes
shop-scan-title = Check a pickup code
shop-field-pickup-code = Pickup code
shop-pickup-code-hint = The 8 digits the household shows, for example 1234-5678; the dash is optional.
shop-pickup-submit = Check and hand over
shop-scan-camera = Scan with the camera
shop-scan-camera-failed = No code was scanned. Please type it instead.
shop-pickup-result-heading = Result
shop-pickup-done = ✓ Checked: hand over the goods
shop-pickup-checked = The pickup code is right
shop-pickup-code-was = Pickup code { $code }

# Staff review shops
shop-review-title = Shops applying
shop-review-pending = Waiting for a decision ({ $count })
shop-review-pending-none = No applications are waiting.
shop-review-decided = Decided
shop-review-contact = Contact: { $name }, phone { $phone }
shop-review-applied = Applied { $when }
shop-review-reviewed = Decided { $when }
shop-standing-label-pending = Waiting
shop-standing-label-approved = Approved
shop-standing-label-rejected = Not approved
shop-review-approve = Approve
shop-review-approve-after-all = Approve after all
shop-review-reject = Do not approve
shop-review-revoke = Withdraw approval
shop-review-reason = Reason (the shop will see it)
shop-review-reject-confirm = Confirm: do not approve
shop-review-reject-cancel = Back
shop-review-approved = Approved: this shop can now publish group buys.
shop-review-rejected = Recorded; the shop will see the reason.
