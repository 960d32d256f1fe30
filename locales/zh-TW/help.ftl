# help — one-tap help (一键求助)

error-help-closed = 這次求助已經結束了。如需幫助，請再按一次求助。
