-- A by-hand check of `argmap lsp` in a real editor: Neovim (0.7 or later),
-- headless, on the language server's test map. It attaches the server,
-- then writes what it gets (diagnostics, definition, hover, the outline,
-- code actions, a rename applied to the buffer, completion) to $OUT.
-- Not part of `cargo test`. From the repository root:
--
--   cargo build
--   MAP=tests/fixtures/lsp/bridge.toml ARGMAP=$PWD/target/debug/argmap \
--     OUT=/tmp/lsp-neovim.txt nvim --headless --clean -u NONE \
--     -c "luafile scripts/lsp-neovim.lua" && cat /tmp/lsp-neovim.txt
local out = {}
local function say(s) table.insert(out, s) end
local file = os.getenv('MAP')
vim.cmd('edit ' .. file)
local id = vim.lsp.start_client({
  name = 'argmap',
  cmd = { os.getenv('ARGMAP'), 'lsp' },
  root_dir = vim.fn.getcwd(),
})
vim.lsp.buf_attach_client(0, id)
vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local client = vim.lsp.get_client_by_id(id)
say('offset encoding: ' .. tostring(client.offset_encoding))
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.code
  say(string.format('diagnostic %d:%d %s %s', d.lnum + 1, d.col + 1, tostring(code), d.message:gsub('\n.*', '')))
end
local function at(line, col)
  return { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = line, character = col } }
end
local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
local att
for i, l in ipairs(lines) do if l:find('attacks = %["rebuild"%]') then att = i - 1 end end
local r = vim.lsp.buf_request_sync(0, 'textDocument/definition', at(att, 13), 5000)
for _, res in pairs(r or {}) do
  local loc = res.result
  if loc.range == nil then loc = loc[1] end
  say(string.format('definition -> line %d col %d', loc.range.start.line + 1, loc.range.start.character + 1))
end
r = vim.lsp.buf_request_sync(0, 'textDocument/hover', at(att, 13), 5000)
for _, res in pairs(r or {}) do say('hover: ' .. res.result.contents.value:gsub('\n', ' | ')) end
r = vim.lsp.buf_request_sync(0, 'textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(0) } }, 5000)
for _, res in pairs(r or {}) do
  for _, s in ipairs(res.result) do
    local kids = {}
    for _, c in ipairs(s.children or {}) do table.insert(kids, c.name) end
    say('symbol ' .. s.name .. (#kids > 0 and (' [' .. table.concat(kids, ', ') .. ']') or ''))
  end
end
r = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  range = { start = { line = 0, character = 0 }, ['end'] = { line = #lines, character = 0 } },
  context = { diagnostics = {} } }, 5000)
for _, res in pairs(r or {}) do for _, a in ipairs(res.result) do say('action: ' .. a.title) end end
-- Rename `rebuild` from its reference, applied to the buffer.
r = vim.lsp.buf_request_sync(0, 'textDocument/rename', vim.tbl_extend('force', at(att, 13), { newName = 'rebuild-now' }), 5000)
for _, res in pairs(r or {}) do vim.lsp.util.apply_workspace_edit(res.result, client.offset_encoding) end
local renamed = 0
for _, l in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
  local _, n = l:gsub('rebuild%-now', '')
  renamed = renamed + n
end
say('rename: rebuild-now written ' .. renamed .. ' times')
vim.wait(1500, function() return false end, 50)
-- Completion after typing `supports = ["` on a new line of a claim.
vim.api.nvim_buf_set_lines(0, att + 1, att + 1, false, { 'supports = ["' })
vim.wait(500)
r = vim.lsp.buf_request_sync(0, 'textDocument/completion', at(att + 1, 13), 5000)
for _, res in pairs(r or {}) do
  local labels = {}
  for _, item in ipairs(res.result.items or res.result) do table.insert(labels, item.label) end
  say('completion: ' .. table.concat(labels, ', '))
end
vim.wait(2000, function() return false end, 100)
for _, d in ipairs(vim.diagnostic.get(0)) do say("after: " .. d.lnum + 1 .. " " .. d.message:gsub("\n.*", "")) end
vim.fn.writefile(out, os.getenv('OUT'))
vim.cmd('qa!')
