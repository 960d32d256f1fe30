# family — family links (亲情账号) and acting on behalf
