-- One request shape for wrk, from the environment (bench/load.py sets these):
-- WRK_METHOD, WRK_PATH, WRK_COOKIE, WRK_BODY (form; "{card}" cycles through WRK_CARDS), WRK_ACCEPT.
-- Each thread cycles through its own share of the cards (WRK_THREADS threads): one learner
-- never rates one card from two places at once, which the app refuses as rated already.
local method = os.getenv("WRK_METHOD") or "GET"
local path = os.getenv("WRK_PATH") or "/"
local body = os.getenv("WRK_BODY")
local cards = {}
for id in string.gmatch(os.getenv("WRK_CARDS") or "", "%d+") do
  cards[#cards + 1] = id
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
  for i, id in ipairs(cards) do
    if (i - 1) % threads == (thread_number or 0) then own[#own + 1] = id end
  end
  cards = own
end

request = function()
  counter = counter + 1
  local this_body = body
  if body and #cards > 0 then
    this_body = string.gsub(body, "{card}", cards[(counter % #cards) + 1])
    this_body = string.gsub(this_body, "{rating}", tostring((counter % 4) + 1))
  end
  return wrk.format(method, path, headers, this_body)
end
