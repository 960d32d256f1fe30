# help — one-tap help (一键求助)

error-help-closed = 这次求助已经结束了。如需帮助，请再按一次求助。
