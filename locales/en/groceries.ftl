## Group buying

error-sold-out = Not enough left in stock: order fewer, or choose another product.
error-orders-closed = This group buy has closed; orders can no longer be placed or changed.
error-campaign-paused = This group buy is paused; you can order again when the community resumes it.
error-merchant-not-approved = Your shop has not been approved by the community yet; campaigns can be published once it is.
error-pickup-code-invalid = That pickup code is wrong: check the 8 digits. Only orders of your own shop's group buys can be checked.
error-already-picked-up = This order has already been picked up; a code works only once.
error-not-formed = This group buy has not formed, so there is nothing to pick up yet.

notify-campaign-formed = Your group buy has formed
notify-campaign-cancelled = Your group buy did not form; the order is void

## Group buying for residents

groceries-title = Group buying
groceries-campaign-heading = Group buy
groceries-tile = Group buys
groceries-tile-again = Buy again
groceries-tile-shop = My shop
groceries-shop-apply-link = I run a shop: apply to sell here
groceries-links-label = Group buying
groceries-my-orders = My orders
groceries-merchants-link = Approve shops
groceries-none = No group buys right now. New ones will show here.
groceries-all-campaigns = See all group buys
groceries-shop = Shop: { $shop }

# Phases
groceries-phase-open = Taking orders
groceries-phase-paused = Paused
groceries-phase-withdrawn = Withdrawn
groceries-phase-formed = Formed
groceries-phase-cancelled = Did not form, cancelled
groceries-paused-reason = The community paused this group buy: no orders or changes for now. Reason: { $reason }
groceries-paused-note = The community paused this group buy: no orders or changes for now.
groceries-withdrawn-reason = The community withdrew this group buy. Every order is void; there is nothing to pay. Reason: { $reason }
groceries-withdrawn-note = The community withdrew this group buy. Every order is void; there is nothing to pay.
groceries-formed-note = It formed! Households who ordered find their pickup code in My orders.
groceries-cancelled-note = Too few households had ordered when orders closed, so it did not form. Every order is void; there is nothing to pay.

# Cut-off and progress
groceries-cut-off = Orders close: { $when }
groceries-left-days = { $days } { $days ->
    [one] day
   *[other] days
} { $hours } { $hours ->
    [one] hour
   *[other] hours
} left
groceries-left-hours = { $hours } { $hours ->
    [one] hour
   *[other] hours
} { $minutes } { $minutes ->
    [one] minute
   *[other] minutes
} left
groceries-left-minutes = { $minutes } { $minutes ->
    [one] minute
   *[other] minutes
} left
groceries-left-over = Orders are closing now
groceries-households = { $households ->
    [one] 1 household has ordered
   *[other] { $households } households have ordered
}; { $reached ->
    [yes] enough to form (it needs { $min })
   *[no] { $min } needed to form
}
groceries-progress-label = Progress to forming the group

# Products
groceries-products-heading = Products
groceries-unit-price = { $price } per { $unit }
groceries-stock-left = { $left } { $unit } left
groceries-sold-out = Sold out
groceries-limit = Up to { $limit } { $unit } per household
groceries-photo-alt = Photo of { $name }
groceries-quantity = { $quantity } { $unit }
groceries-line = { $name }, { $quantity } { $unit }
groceries-list-separator = { "; " }
groceries-less = One { $unit } less of { $name }
groceries-more = One { $unit } more of { $name }
groceries-too-many = { $max ->
    [0] Sold out now: please take it out of the cart.
   *[other] Only { $max } { $unit } can be ordered now: please order fewer.
}

# Cart
groceries-cart-heading = Your cart
groceries-cart-heading-placed = Your household's order
groceries-order-placed-note = Your household has ordered. Until orders close you can change the quantities or how you get it, or cancel.
groceries-cart-empty = Nothing chosen yet: press “+” under a product to add it.
groceries-fulfilment-legend = How you get it
groceries-fulfilment-none = This group buy has no pickup point and does not deliver to your building, so you cannot order it.
groceries-pickup-at = Pick up at: { $point }
groceries-pickup = Pick up
groceries-delivery-to = Delivered to { $building }: { $window }
groceries-delivery = Delivered
groceries-window = { $from } to { $until }
groceries-total = Total { $total }
groceries-pay-note = Pay on pickup or delivery: nothing is paid in the app.
groceries-place-order = Place order
groceries-change-order = Change order
groceries-placed = Ordered: { $total } in all, paid on pickup or delivery. Once the group forms, your pickup code is in My orders.
groceries-changed = Order changed: { $total } in all, paid on pickup or delivery.
groceries-cancel-order = Cancel order
groceries-cancel-question = Cancel this order? You can order again until orders close.
groceries-cancel-yes = Yes, cancel it
groceries-cancel-no = No, keep it
groceries-cancelled = Order cancelled. You can order again until orders close.
groceries-residents-order = Only residents can order.
groceries-my-order-heading = Your household's order

# Staff
groceries-staff-heading = Community controls
groceries-standing-reason = Reason (residents will see it)
groceries-standing-reason-hint = Needed to pause or withdraw; not needed to resume.
groceries-pause = Pause orders
groceries-resume = Resume orders
groceries-withdraw = Withdraw group buy
groceries-withdraw-question = Withdrawing voids every order and cannot be undone. Withdraw this group buy?
groceries-withdraw-yes = Yes, withdraw it
groceries-withdraw-no = No, keep it
groceries-standing-closed = Orders have closed or it was withdrawn: it can no longer be paused or withdrawn.
groceries-standing-paused = Orders paused; residents see the reason.
groceries-standing-resumed = Orders resumed.
groceries-standing-withdrawn = Withdrawn; every order is void.
groceries-oversee-label = Managing this group buy
groceries-dashboard-link = Progress
groceries-picking-link = Picking list

# My orders
groceries-orders-title = My orders
groceries-orders-none = No group-buy orders yet.
groceries-orders-more = Show earlier orders
groceries-order-placed = Ordered
groceries-order-cancelled = Cancelled
groceries-order-awaiting-pickup = Ready for pickup
groceries-order-picked-up = Picked up
groceries-order-void = Void
groceries-next-placed = Waiting for orders to close. Until then you can change or cancel it.
groceries-next-cancelled = You cancelled this order.
groceries-next-awaiting-pickup = The group formed! Show your pickup code; pay on pickup or delivery.
groceries-next-picked-up = Picked up. Thank you.
groceries-next-void = The group buy did not form or was withdrawn: this order is void; there is nothing to pay.
groceries-picked-up-at = Picked up: { $when }
groceries-pickup-code = Pickup code
groceries-qr-alt = QR code of pickup code { $code }, for the shop to scan
groceries-change-link = Change or cancel the order

# Buy again (elderly mode)
groceries-again-title = Buy again
groceries-again-intro = The same as last time, ordered with one press.
groceries-again-none = Nothing to buy again right now: the shops you bought from have no new group buy yet.
groceries-again-total = { $total } in all, paid on pickup or delivery
groceries-again-button = Buy again
groceries-again-done = Ordered! { $items }: { $total } in all, paid on pickup or delivery. { $handover }. Once the group forms, your pickup code is in My orders.
