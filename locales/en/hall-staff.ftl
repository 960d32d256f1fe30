# hall-staff — staff opening a vote: when it opens and closes

hall-staff-opens-legend = Opens
hall-staff-opens-now = Now
hall-staff-opens-later = At a date and time
hall-staff-opens-at = Opening date and time
hall-staff-closes-legend = Closes
hall-staff-closes-after = A number of days after opening
hall-staff-closes-at-time = At a date and time
hall-staff-closes-at = Closing date and time
hall-staff-zone-hint = In the community's time zone ({ $zone }).
hall-staff-closes-preview = Closes { $date }.
hall-staff-error-time-missing = Please choose a date and time.
hall-staff-error-time-invalid = Please enter a whole date and time.
hall-staff-error-opens-past = That opening time has passed. Choose a later time, or “Now”.
hall-staff-error-closes-before-opens = The closing time must be after the opening time.

# hall-staff — staff on a vote page: who took part, and the result as a CSV file

hall-staff-tools = For staff
hall-participants-link = See who took part
hall-export-csv = Download result (CSV)
hall-participants-title = Who took part
hall-participants-secret = This is a secret ballot: nobody, staff included, can see who chose what. Only who took part is shown.
hall-participants-count = { $count ->
    [one] 1 person has voted
   *[other] { $count } people have voted
}, of { $eligible } possible ballots.
hall-participants-none = Nobody has voted yet.
hall-participant-cast-at = Voted { $when }
hall-participant-proxy = Cast by { $name } as proxy (family account)
hall-participant-chose = Chose: { $choice }
hall-participants-back = Back to the vote
hall-participants-more = Show more people
