# family — family links (亲情账号) and acting on behalf

error-family-code-invalid = 这个亲情码不对、已过期或已被使用，请让家人重新生成一个。
error-family-self = 不能用自己的亲情码绑定自己，请把码交给家人。
error-not-permitted = 家人没有授权您做这件事，或者授权已被取消。
