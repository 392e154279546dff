-- wrk script for bench/watch-catalogue.sh. MODE=search: GET /api/v1/contents with the queries of QUERIES (one a line,
-- already URL-encoded), in turn, each thread from its own part of the list (so a list longer than a run's requests
-- asks every query once); MODE=progress: POST /api/v1/me/watch-history for the content ids of IDS in turn, at
-- positions that move, as players report every 10 s. The Authorization header comes from wrk's -H.
local mode = os.getenv("MODE")
local lines = {}
local n = 0
local threads = 0

setup = function(thread)
  thread:set("part", threads)
  threads = threads + 1
end

local function read(file)
  for line in io.lines(file) do
    if line ~= "" then lines[#lines + 1] = line end
  end
end

init = function(args)
  read(mode == "progress" and os.getenv("IDS") or os.getenv("QUERIES"))
  wrk.headers["Content-Type"] = "application/json"
  -- Two threads (-t2): the second starts halfway through the list.
  n = (part or 0) * math.floor(#lines / 2)
end

request = function()
  n = n + 1
  local line = lines[(n % #lines) + 1]
  if mode == "progress" then
    local body = string.format('{"content_id":"%s","position_seconds":%d,"duration_seconds":3600,"device_type":"bench"}',
      line, 300 + (n % 2400))
    return wrk.format("POST", "/api/v1/me/watch-history", nil, body)
  end
  return wrk.format("GET", "/api/v1/contents?limit=20&q=" .. line)
end
