# family — family links (亲情账号) and acting on behalf

error-family-code-invalid = This family code is wrong, expired or already used. Ask your relative for a new one.
error-family-self = You cannot link to yourself with your own family code. Give it to your relative.
error-not-permitted = Your relative has not allowed you to do this, or has withdrawn the permission.
