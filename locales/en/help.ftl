# help — one-tap help (一键求助)

error-help-closed = This help request has already been closed. Press help again if you need it.
