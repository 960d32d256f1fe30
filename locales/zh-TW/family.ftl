# family — family links (亲情账号) and acting on behalf

error-family-code-invalid = 這個親情碼不對、已過期或已被使用，請讓家人重新產生一個。
error-family-self = 不能用自己的親情碼綁定自己，請把碼交給家人。
error-not-permitted = 家人沒有授權您做這件事，或者授權已被取消。
