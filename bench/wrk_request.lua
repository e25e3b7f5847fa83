-- One request shape for wrk, from the environment (bench/load.py sets these):
-- WRK_METHOD, WRK_PATH, WRK_COOKIE, WRK_BODY (form), WRK_ACCEPT.
-- Answer saves: WRK_ANSWERS (form-encoded answers separated by newlines) fill "{answer}" in
-- WRK_BODY in turn, so that each save changes the stored answer (saving it again writes nothing).
-- Card ratings: WRK_CARDS (ids) and WRK_RATERS (learners, "cookie|csrf token" separated by
-- newlines); "{card}", "{rating}" and "{token}" in WRK_BODY are filled in per request.
-- Each thread rates as learners of its own (WRK_THREADS threads), through every card, the
-- same learner and card coming back only after all the thread's other pairs. A learner who
-- rates one card from two places at once is refused the second time (409, rated meanwhile):
-- with one learner and fewer cards than a thread's connections that happened about once in
-- 3,700 ratings. Now a rating would have to be still running after all the pairs between it
-- and its repeat (about three times the thread's connections) had been answered.
local method = os.getenv("WRK_METHOD") or "GET"
local path = os.getenv("WRK_PATH") or "/"
local body = os.getenv("WRK_BODY")
local cards = {}
for id in string.gmatch(os.getenv("WRK_CARDS") or "", "%d+") do
  cards[#cards + 1] = id
end
local answers = {}
for line in string.gmatch(os.getenv("WRK_ANSWERS") or "", "[^\n]+") do
  -- "%" is special in a gsub replacement, and form encoding is full of them.
  answers[#answers + 1] = string.gsub(line, "%%", "%%%%")
end
local raters = {}
for line in string.gmatch(os.getenv("WRK_RATERS") or "", "[^\n]+") do
  local cookie, token = string.match(line, "^(.*)|([^|]*)$")
  raters[#raters + 1] = { cookie = cookie, token = token }
end
local headers = {}
headers["Cookie"] = os.getenv("WRK_COOKIE") or ""
if os.getenv("WRK_ACCEPT") then headers["Accept"] = os.getenv("WRK_ACCEPT") end
if body then headers["Content-Type"] = "application/x-www-form-urlencoded" end
local counter = 0
local threads = tonumber(os.getenv("WRK_THREADS") or "1")
local made = 0

setup = function(thread)
  thread:set("thread_number", made)
  made = made + 1
end

init = function(_args)
  local own = {}
  for i, rater in ipairs(raters) do
    if (i - 1) % threads == (thread_number or 0) then own[#own + 1] = rater end
  end
  raters = own
end

request = function()
  counter = counter + 1
  local this_body = body
  if body and #answers > 0 then
    this_body = string.gsub(body, "{answer}", answers[(counter % #answers) + 1])
  end
  if body and #cards > 0 and #raters > 0 then
    -- Pair number n: learner n mod R, card n div R (all R learners, then the next card).
    local pair = counter % (#raters * #cards)
    local rater = raters[(pair % #raters) + 1]
    headers["Cookie"] = rater.cookie
    this_body = string.gsub(body, "{card}", cards[math.floor(pair / #raters) + 1])
    this_body = string.gsub(this_body, "{rating}", tostring((counter % 4) + 1))
    this_body = string.gsub(this_body, "{token}", rater.token)
  end
  return wrk.format(method, path, headers, this_body)
end
