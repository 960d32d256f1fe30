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
